#!/usr/bin/env bash
# Makes a local certificate authority and a server certificate for RoadPulse's TLS endpoints (MQTT over TLS on 8883,
# HTTPS of the ingest service), with the key stores Java and the brokers read. Debian: openssl and a JDK's keytool.
#
#   bin/make-certs.sh OUT_DIR [HOST_OR_IP ...]
#
# The server certificate names localhost and 127.0.0.1 and every HOST_OR_IP given (an IP when it looks like one,
# otherwise a DNS name), e.g. bin/make-certs.sh certs roadpulse.example.de broker ingest-1 ingest-2.
# The key-store password is $ROADPULSE_TLS_PASSWORD, or a generated one written to OUT_DIR/password (mode 600).
#
# OUT_DIR receives:
#   ca.pem              the CA certificate: give it to devices and clients (mosquitto_pub --cafile, coap, curl)
#   ca.key              the CA's private key: keep it offline; it is needed only to make more certificates
#   truststore.p12      ca.pem as a PKCS12 trust store, for Java clients (edge agent --truststore)
#   server.pem          server certificate followed by the CA certificate (chain), for EMQX or mosquitto
#   server.key          the server's private key (PEM)
#   server.p12          server key and chain as a PKCS12 key store (embedded HiveMQ, Micronaut HTTPS)
# Existing files are not overwritten: delete the folder to start afresh. Never commit these files.
set -euo pipefail

if [ $# -lt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
out=$1
shift
days=${ROADPULSE_TLS_DAYS:-825}
command -v openssl >/dev/null || { echo "make-certs: openssl is missing (apt-get install openssl)" >&2; exit 1; }
command -v keytool >/dev/null || { echo "make-certs: keytool is missing (a JDK 17)" >&2; exit 1; }
if [ -e "$out/server.p12" ] || [ -e "$out/ca.pem" ]; then
  echo "make-certs: $out already holds certificates; delete it to make new ones" >&2
  exit 1
fi
mkdir -p "$out"
umask 077

password=${ROADPULSE_TLS_PASSWORD:-}
if [ -z "$password" ]; then
  password=$(openssl rand -hex 16)
  printf '%s\n' "$password" > "$out/password"
  echo "make-certs: generated key-store password written to $out/password"
fi

san="DNS:localhost,IP:127.0.0.1"
for name in "$@"; do
  if [[ $name =~ ^[0-9.]+$ || $name == *:* ]]; then san="$san,IP:$name"; else san="$san,DNS:$name"; fi
done
cn=${1:-localhost}

# The CA: a self-signed certificate that may sign server certificates and nothing below them.
openssl req -x509 -new -newkey rsa:3072 -nodes -sha256 -days "$days" \
  -subj "/O=RoadPulse/CN=RoadPulse local CA" \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout "$out/ca.key" -out "$out/ca.pem" 2>/dev/null

# The server: key, request, and the CA's signature with the names clients connect to.
openssl req -new -newkey rsa:2048 -nodes -sha256 -subj "/O=RoadPulse/CN=$cn" \
  -keyout "$out/server.key" -out "$out/server.csr" 2>/dev/null
cat > "$out/server.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=$san
EXT
openssl x509 -req -sha256 -days "$days" -in "$out/server.csr" -CA "$out/ca.pem" -CAkey "$out/ca.key" \
  -CAcreateserial -extfile "$out/server.ext" -out "$out/server.crt" 2>/dev/null
cat "$out/server.crt" "$out/ca.pem" > "$out/server.pem"
rm -f "$out/server.csr" "$out/server.ext" "$out/server.crt" "$out/ca.srl"

# Key stores for Java: the server's key with its chain, and the CA alone as trusted certificate.
openssl pkcs12 -export -name roadpulse -inkey "$out/server.key" -in "$out/server.pem" \
  -passout "pass:$password" -out "$out/server.p12"
keytool -importcert -noprompt -alias roadpulse-ca -file "$out/ca.pem" -storetype PKCS12 \
  -keystore "$out/truststore.p12" -storepass "$password" >/dev/null 2>&1

# Certificates are public; private keys and key stores stay readable by the owner only (umask above).
chmod 644 "$out/ca.pem" "$out/server.pem"
echo "make-certs: CA and server certificate for $san in $out"
