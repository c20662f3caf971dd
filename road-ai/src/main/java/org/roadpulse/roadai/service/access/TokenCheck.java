package org.roadpulse.roadai.service.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks the HS256 signature of people's tokens with the {@link SharedKey}. Micronaut's validator refuses a token no
 * signature configuration accepts, and one without a signature ({@code "alg": "none"}) once any is configured, which
 * this bean always is; with no key yet every token is refused. A class of our own on purpose: Micronaut's
 * {@code SecretSignature} made from a factory yields no bean (see the ingest service's {@code TokenSignature}).
 */
public final class TokenCheck implements SignatureConfiguration {

    private final SharedKey key;
    /** Made once the key is known, not on every request. */
    private volatile MACVerifier verifier;

    public TokenCheck(SharedKey key) {
        this.key = key;
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the HS256 JWS algorithm is supported";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return JWSAlgorithm.HS256.equals(algorithm);
    }

    @Override
    public boolean verify(SignedJWT token) throws JOSEException {
        Optional<MACVerifier> check = verifier();
        return check.isPresent() && supports(token.getHeader().getAlgorithm()) && token.verify(check.get());
    }

    private Optional<MACVerifier> verifier() throws JOSEException {
        MACVerifier known = verifier;
        if (known == null) {
            Optional<String> secret = key.current();
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            known = new MACVerifier(secret.get().getBytes(StandardCharsets.UTF_8));
            verifier = known;
        }
        return Optional.of(known);
    }
}
