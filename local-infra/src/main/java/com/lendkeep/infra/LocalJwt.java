package com.lendkeep.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A local token issuer for the stack and the tests: an RSA key pair kept in a folder (created on
 * first use) and RS256-signed JWTs with the roles in the {@code groups} claim, as SmallRye JWT
 * reads them. In production an OIDC provider issues the tokens; only its public key (or JWKS URL)
 * and issuer are configured in the services.
 */
public final class LocalJwt {

    public static final String ISSUER = "https://lendkeep.local/issuer";
    /** The audience the services require by default (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "lendkeep";
    public static final String PUBLIC_KEY_FILE = "public.pem";
    private static final String PRIVATE_KEY_FILE = "private.pem";

    private final PrivateKey privateKey;
    private final Path publicKey;

    private LocalJwt(PrivateKey privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the key pair in {@code dir}, creating it the first time. */
    public static LocalJwt inFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path priv = dir.resolve(PRIVATE_KEY_FILE);
        Path pub = dir.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(priv) || !Files.exists(pub)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                try {
                    Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(priv)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new LocalJwt(key, pub);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create or read the key pair in " + dir, e);
        }
    }

    public Path publicKeyFile() {
        return publicKey;
    }

    /** A token for {@code user} with {@code roles}, valid for {@code ttl}, for the services' audience. */
    public String token(String user, List<String> roles, Duration ttl) {
        return token(user, roles, ttl, AUDIENCE);
    }

    /** As {@link #token(String, List, Duration)} for {@code audience} (null: no aud claim). */
    public String token(String user, List<String> roles, Duration ttl, String audience) {
        long now = Instant.now().getEpochSecond();
        String aud = audience == null ? "" : ",\"aud\":\"" + escape(audience) + "\"";
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String groups = roles.stream().map(r -> "\"" + escape(r) + "\"").collect(Collectors.joining(","));
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + escape(user) + "\",\"upn\":\"" + escape(user)
                + "\",\"preferred_username\":\"" + escape(user) + "\",\"groups\":[" + groups + "],\"iat\":" + now
                + ",\"exp\":" + (now + ttl.toSeconds()) + aud + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String escape(String s) {
        if (!s.matches("[A-Za-z0-9._@-]+")) {
            throw new IllegalArgumentException("names and roles may only use letters, digits and . _ @ -: " + s);
        }
        return s;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** {@code LocalJwt KEY_DIR ROLE[,ROLE...] [USER] [TTL_HOURS]}: prints a token (bin/stack token). */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LocalJwt KEY_DIR ROLE[,ROLE...] [USER] [TTL_HOURS]");
            System.exit(2);
        }
        List<String> roles = List.of(args[1].split(","));
        String user = args.length > 2 ? args[2] : "local-" + String.join("-", roles);
        long hours = args.length > 3 ? Long.parseLong(args[3]) : 12;
        System.out.println(inFolder(Path.of(args[0])).token(user, roles, Duration.ofHours(hours)));
    }
}
