package org.roadpulse.ingest.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;

/**
 * Signs people's tokens with HS256 and the {@link TokenKey}, and checks them. A class of our own on purpose: a factory
 * method returning Micronaut's {@code SecretSignature} or {@code SecretSignatureConfiguration} inherits their
 * {@code @EachBean}/{@code @EachProperty} and yields no bean without configuration properties, so tokens went out
 * unsigned and unsigned ones ({@code "alg": "none"}) were let in. {@code EveryRouteTest} sends one now.
 */
public final class TokenSignature implements SignatureGeneratorConfiguration {

    private final SecretSignature signature;

    public TokenSignature(String key) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(key);
        this.signature = new SecretSignature(configuration);
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        return signature.sign(claims);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return signature.supportedAlgorithmsMessage();
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return signature.supports(algorithm);
    }

    @Override
    public boolean verify(SignedJWT token) throws JOSEException {
        return signature.verify(token);
    }
}
