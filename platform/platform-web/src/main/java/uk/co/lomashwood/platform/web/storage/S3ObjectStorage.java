package uk.co.lomashwood.platform.web.storage;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.time.Duration;
import java.util.Optional;

/** Objects in one S3 bucket, served by the CDN at {@code publicBaseUrl/key}; uploads may go direct by presigned PUT. */
public class S3ObjectStorage implements ObjectStorage {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String publicBaseUrl;

    public S3ObjectStorage(S3Client s3, S3Presigner presigner, String bucket, String publicBaseUrl) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    @Override
    public String put(String key, byte[] content, String contentType) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(ObjectKeys.require(key)).contentType(contentType)
                .build(), RequestBody.fromBytes(content));
        return publicUrl(key);
    }

    @Override
    public Optional<StoredObject> get(String key) {
        if (!ObjectKeys.isSafe(key)) {
            return Optional.empty();
        }
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(new StoredObject(bytes.asByteArray(), bytes.response().contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        if (!ObjectKeys.isSafe(key)) {
            return false;
        }
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String publicUrl(String key) {
        return publicBaseUrl + "/" + ObjectKeys.require(key);
    }

    @Override
    public Optional<String> presignedPutUrl(String key, String contentType, Duration validity) {
        return Optional.of(presigner.presignPutObject(p -> p.signatureDuration(validity)
                .putObjectRequest(PutObjectRequest.builder().bucket(bucket).key(ObjectKeys.require(key))
                        .contentType(contentType).build())).url().toString());
    }

    @Override
    public Optional<String> presignedGetUrl(String key, Duration validity) {
        return Optional.of(presigner.presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(GetObjectRequest.builder().bucket(bucket).key(ObjectKeys.require(key)).build()))
                .url().toString());
    }
}
