package dev.herald.antivirus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClamdAddressTest {

  @Test
  void readsHostAndPort() {
    ClamdAddress address = ClamdAddress.parse(" clamav.internal:3310 ");

    assertThat(address).isEqualTo(new ClamdAddress("clamav.internal", 3310, null));
    assertThat(address).hasToString("clamav.internal:3310");
  }

  @Test
  void readsAnIpv6AddressInBrackets() {
    ClamdAddress address = ClamdAddress.parse("[::1]:3310");

    assertThat(address.resolve()).isEqualTo(new InetSocketAddress("::1", 3310));
    assertThat(address).hasToString("[::1]:3310");
  }

  @Test
  void readsAUnixSocketPath() {
    ClamdAddress address = ClamdAddress.parse("unix:/run/clamav/clamd.ctl");

    assertThat(address.resolve())
        .isEqualTo(UnixDomainSocketAddress.of(Path.of("/run/clamav/clamd.ctl")));
    assertThat(address).hasToString("unix:/run/clamav/clamd.ctl");
  }

  @ParameterizedTest
  @ValueSource(strings = {"clamd", "clamd:", ":3310", "clamd:http", "clamd:70000", "unix:", "::1"})
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> ClamdAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text.strip());
  }
}
