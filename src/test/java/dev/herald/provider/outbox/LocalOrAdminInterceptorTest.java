package dev.herald.provider.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.ApiException;
import dev.herald.support.AdminToken;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LocalOrAdminInterceptorTest {

  private static final AdminToken TOKEN = new AdminToken("the-admin-token");
  private final LocalOrAdminInterceptor interceptor = new LocalOrAdminInterceptor(TOKEN, true);

  private static MockHttpServletRequest from(String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/outbox.json");
    request.setRemoteAddr(address);
    return request;
  }

  private static boolean lets(LocalOrAdminInterceptor interceptor, MockHttpServletRequest request) {
    return interceptor.preHandle(request, new MockHttpServletResponse(), new Object());
  }

  private void assertRefused(LocalOrAdminInterceptor interceptor, MockHttpServletRequest request) {
    assertThatThrownBy(() -> lets(interceptor, request))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.envelope().errors().get(0).error()).isEqualTo("AuthError");
            });
  }

  @Test
  void refusesAnotherAddressWithoutTheAdminToken() {
    assertRefused(interceptor, from("192.0.2.10"));
    assertRefused(interceptor, from("2001:db8::10"));
    assertRefused(interceptor, from("128.0.0.1"));
  }

  @Test
  void letsAnyAddressInWithTheAdminToken() {
    MockHttpServletRequest request = from("192.0.2.10");
    request.addHeader("Authorization", "bearer the-admin-token");
    assertThat(lets(interceptor, request)).isTrue();
  }

  @Test
  void refusesAWrongTokenEvenFromLoopback() {
    MockHttpServletRequest request = from("127.0.0.1");
    request.addHeader("Authorization", "Bearer not-the-token");
    assertRefused(interceptor, request);
  }

  @Test
  void letsTheLoopbackAddressesIn() {
    for (String address :
        new String[] {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
      assertThat(lets(interceptor, from(address))).as(address).isTrue();
    }
  }

  @Test
  void doesNotTakeAForwardedAddressForTheRequestsOwn() {
    MockHttpServletRequest spoofed = from("192.0.2.10");
    spoofed.addHeader("X-Forwarded-For", "127.0.0.1");
    assertRefused(interceptor, spoofed);
    for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
      MockHttpServletRequest proxied = from("127.0.0.1");
      proxied.addHeader(header, "203.0.113.7");
      assertRefused(interceptor, proxied);
    }
  }

  @Test
  void trustsNoAddressWhenLoopbackIsNotTrusted() {
    LocalOrAdminInterceptor tokenOnly = new LocalOrAdminInterceptor(TOKEN, false);
    assertRefused(tokenOnly, from("127.0.0.1"));
    MockHttpServletRequest withToken = from("127.0.0.1");
    withToken.addHeader("Authorization", "Bearer the-admin-token");
    assertThat(lets(tokenOnly, withToken)).isTrue();
  }

  @Test
  void readsOnlyAddressLiterals() {
    assertThat(LocalOrAdminInterceptor.isLoopback("localhost")).isFalse();
    assertThat(LocalOrAdminInterceptor.isLoopback("127.0.0.1.example.com")).isFalse();
    assertThat(LocalOrAdminInterceptor.isLoopback("::1:zz")).isFalse();
    assertThat(LocalOrAdminInterceptor.isLoopback(null)).isFalse();
  }

  @Test
  void seesWhenForwardedHeadersSetTheRemoteAddress() {
    assertThat(OutboxConfiguration.remoteAddressFromHeaders(new MockEnvironment())).isFalse();
    assertThat(
            OutboxConfiguration.remoteAddressFromHeaders(
                new MockEnvironment().withProperty("server.forward-headers-strategy", "none")))
        .isFalse();
    for (String strategy : new String[] {"native", "framework", "NATIVE"}) {
      assertThat(
              OutboxConfiguration.remoteAddressFromHeaders(
                  new MockEnvironment().withProperty("server.forward-headers-strategy", strategy)))
          .as(strategy)
          .isTrue();
    }
    assertThat(
            OutboxConfiguration.remoteAddressFromHeaders(
                new MockEnvironment()
                    .withProperty("server.forward-headers-strategy", "none")
                    .withProperty("server.tomcat.remoteip.remote-ip-header", "X-Client-IP")))
        .isTrue();
    assertThat(
            OutboxConfiguration.remoteAddressFromHeaders(
                new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes")))
        .isTrue();
  }
}
