package org.roadpulse.roadai.service.http;

import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A multipart form read whole: its text fields and its files (several may share a name, as a folder's files do).
 * Read on a blocking thread while the event loop delivers the parts.
 */
record MultipartForm(Map<String, String> fields, List<FilePart> files) {

    record FilePart(String name, String fileName, byte[] bytes) {
    }

    static MultipartForm read(MultipartBody body) {
        CompletableFuture<MultipartForm> done = new CompletableFuture<>();
        Map<String, String> fields = new LinkedHashMap<>();
        List<FilePart> files = new ArrayList<>();
        body.subscribe(new Subscriber<CompletedPart>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(CompletedPart part) {
                try {
                    if (part instanceof CompletedFileUpload file) {
                        files.add(new FilePart(part.getName(), file.getFilename(), part.getBytes()));
                    } else {
                        fields.put(part.getName(), new String(part.getBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                boolean percentEncoded = "percent".equals(fields.get(FILE_NAME_ENCODING));
                done.complete(new MultipartForm(fields, percentEncoded ? decodedNames(files) : files));
            }
        });
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the upload", e);
        } catch (ExecutionException e) {
            throw new UploadUnreadableException(e.getCause());
        }
    }

    /**
     * Netty's multipart decoder replaces {@code = ; : ,} in a part's file name with spaces, so a client that needs
     * them (the pages do) percent-encodes the names and sends this field as {@code percent}.
     */
    static final String FILE_NAME_ENCODING = "fileNameEncoding";

    private static List<FilePart> decodedNames(List<FilePart> files) {
        return files.stream().map(f -> new FilePart(f.name(), percentDecoded(f.fileName()), f.bytes())).toList();
    }

    private static String percentDecoded(String name) {
        if (name == null) {
            return null;
        }
        try {
            // URLDecoder would read '+' as a space; encodeURIComponent leaves '+' out, so a '+' is a '+'.
            return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    String field(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A form that could not be read (cut off, too large). */
    static final class UploadUnreadableException extends RuntimeException {
        UploadUnreadableException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
