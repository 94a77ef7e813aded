package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notification.NotificationStatus.Change;
import dev.herald.template.TemplateType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NotificationStatusTest {

  /** Every allowed move, written out: change, types, from, to. Anything not here is refused. */
  private static final List<String> ALLOWED =
      List.of(
          "HAND_OVER email,sms,letter created -> sending",
          "HAND_OVER sms created -> sent",
          "GIVE_UP email,sms,letter created -> technical-failure",
          "RECEIPT email,sms created -> pending",
          "RECEIPT email,sms sending -> pending",
          "RECEIPT email,sms created -> delivered",
          "RECEIPT email,sms sending -> delivered",
          "RECEIPT email,sms pending -> delivered",
          "RECEIPT email,sms created -> temporary-failure",
          "RECEIPT email,sms sending -> temporary-failure",
          "RECEIPT email,sms pending -> temporary-failure",
          "RECEIPT email,sms created -> permanent-failure",
          "RECEIPT email,sms sending -> permanent-failure",
          "RECEIPT email,sms pending -> permanent-failure",
          "RECEIPT email,sms created -> technical-failure",
          "RECEIPT email,sms sending -> technical-failure",
          "RECEIPT email,sms pending -> technical-failure",
          "RECEIPT letter sending -> delivered",
          "RECEIPT letter sending -> technical-failure",
          "TIMEOUT email,sms sending -> temporary-failure",
          "TIMEOUT email,sms pending -> temporary-failure",
          "PDF_CHECK letter pending-virus-check -> created",
          "PDF_CHECK letter pending-virus-check -> delivered",
          "PDF_CHECK letter pending-virus-check -> virus-scan-failed",
          "PDF_CHECK letter pending-virus-check -> validation-failed",
          "PDF_CHECK letter pending-virus-check -> technical-failure",
          "RENDER letter created -> validation-failed",
          "CANCEL letter created -> cancelled",
          "CANCEL letter pending-virus-check -> cancelled",
          "RETURN letter sending -> returned-letter",
          "RETURN letter delivered -> returned-letter");

  private record Move(
      Change change, TemplateType type, NotificationStatus from, NotificationStatus to) {}

  private static Set<Move> allowed() {
    Set<Move> moves = new HashSet<>();
    for (String line : ALLOWED) {
      String[] f = line.split(" ");
      for (String type : f[1].split(",")) {
        moves.add(
            new Move(
                Change.valueOf(f[0]),
                TemplateType.fromWireName(type),
                NotificationStatus.of(f[2]).orElseThrow(),
                NotificationStatus.of(f[4]).orElseThrow()));
      }
    }
    return moves;
  }

  @Test
  void eachChangeAllowsExactlyTheMovesWrittenOut() {
    Set<Move> allowed = allowed();
    List<Move> wrong = new ArrayList<>();
    for (Change change : Change.values()) {
      for (TemplateType type : TemplateType.values()) {
        for (NotificationStatus from : NotificationStatus.values()) {
          for (NotificationStatus to : NotificationStatus.values()) {
            Move move = new Move(change, type, from, to);
            if (change.allows(from, to, type) != allowed.contains(move)) {
              wrong.add(move);
            }
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aStatusCanMoveExactlyWhereSomeChangeTakesIt() {
    Set<Move> allowed = allowed();
    List<String> wrong = new ArrayList<>();
    for (TemplateType type : TemplateType.values()) {
      for (NotificationStatus from : NotificationStatus.values()) {
        for (NotificationStatus to : NotificationStatus.values()) {
          boolean expected =
              allowed.stream().anyMatch(m -> m.type() == type && m.from() == from && m.to() == to);
          if (NotificationStatus.canMove(from, to, type) != expected
              || NotificationStatus.sourcesOf(to, type).contains(from) != expected) {
            wrong.add(type + " " + from + " -> " + to);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aChangesSourcesAreTheStatusesItMovesFrom() {
    assertThat(Change.RECEIPT.sourcesOf(NotificationStatus.DELIVERED, TemplateType.SMS))
        .containsExactlyInAnyOrder(
            NotificationStatus.CREATED, NotificationStatus.SENDING, NotificationStatus.PENDING);
    assertThat(Change.TIMEOUT.sourcesOf(NotificationStatus.TEMPORARY_FAILURE, TemplateType.LETTER))
        .isEmpty();
    assertThat(
            NotificationStatus.sourcesOf(NotificationStatus.TECHNICAL_FAILURE, TemplateType.LETTER))
        .containsExactlyInAnyOrder(
            NotificationStatus.CREATED,
            NotificationStatus.SENDING,
            NotificationStatus.PENDING_VIRUS_CHECK);
  }

  @Test
  void aGuardListsEachAllowedMoveOfItsChangeOnce() {
    Set<Move> allowed = allowed();
    for (Change change : Change.values()) {
      String[] guard = change.guard();
      Set<Move> listed = new HashSet<>();
      for (String move : guard) {
        String[] f = move.split(" ");
        listed.add(
            new Move(
                change,
                TemplateType.fromWireName(f[0]),
                NotificationStatus.of(f[1]).orElseThrow(),
                NotificationStatus.of(f[2]).orElseThrow()));
      }
      assertThat(guard).as(change.name()).hasSize(listed.size());
      assertThat(listed)
          .as(change.name())
          .isEqualTo(
              allowed.stream().filter(m -> m.change() == change).collect(Collectors.toSet()));
    }
  }

  @Test
  void noStatusMovesToItself() {
    for (TemplateType type : TemplateType.values()) {
      for (NotificationStatus status : NotificationStatus.values()) {
        assertThat(NotificationStatus.canMove(status, status, type)).isFalse();
      }
    }
  }
}
