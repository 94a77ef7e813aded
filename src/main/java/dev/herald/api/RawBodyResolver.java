package dev.herald.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Reads {@link RawBody} parameters straight from the request stream, refusing oversized bodies. */
class RawBodyResolver implements HandlerMethodArgumentResolver {

  /** An email of 2,000,000 bytes plus a 2 MB file, base64-encoded, fits with room to spare. */
  static final int MAX_BYTES = 10 * 1024 * 1024;

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(RawBody.class)
        && parameter.getParameterType() == byte[].class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory)
      throws IOException {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    if (request.getContentLengthLong() > MAX_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw tooLarge();
      }
      return body;
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(
        413, "BadRequestError", "Request body is larger than " + MAX_BYTES + " bytes");
  }
}
