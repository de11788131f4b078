package io.scimbus.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.bench.Phase;
import io.scimbus.bench.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedSyncTest {
  private static final Target TARGET = new Target("http://localhost:1/scim/v2/t", "token");

  @Test
  void warmsTheGroupsPhaseTooOnceEveryCycle() {
    List<Phase> phases = new RepeatedSync(TARGET, "warmup", 3, 2000, 4, 1000, 100).phases();

    assertEquals(List.of("user", "group", "user", "group", "user", "group"),
        phases.stream().map(Phase::name).toList());
    assertEquals(List.of(2000L, 4L, 2000L, 4L, 2000L, 4L), phases.stream().map(Phase::units).toList());
  }

  @Test
  void aUsersOnlySyncRepeatsItsUsers() {
    List<Phase> phases = new RepeatedSync(TARGET, "warmup", 2, 500, 0, 0, 100).phases();

    assertEquals(List.of("user", "user"), phases.stream().map(Phase::name).toList());
  }
}
