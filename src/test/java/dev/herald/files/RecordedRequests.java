package dev.herald.files;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The calls an S3 client made, each one's operation and the server-side encryption header of its
 * last attempt (recorded once a call ends, so that a retried attempt on a busy machine is not
 * counted as a second call).
 */
final class RecordedRequests implements ExecutionInterceptor {

  /** One request as it went out. */
  record Request(String operation, String encryption) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();

  /** A client for {@code settings} that records into this. */
  S3Client client(FilesProperties.S3 settings) {
    var builder = S3Clients.builder(settings);
    builder.overrideConfiguration(
        builder.overrideConfiguration().toBuilder().addExecutionInterceptor(this).build());
    return builder.build();
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    requests.add(
        new Request(
            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
            context
                .httpRequest()
                .firstMatchingHeader("x-amz-server-side-encryption")
                .orElse(null)));
  }

  /** The operations sent, in order. */
  List<String> operations() {
    return requests.stream().map(Request::operation).toList();
  }

  List<Request> all() {
    return List.copyOf(requests);
  }
}
