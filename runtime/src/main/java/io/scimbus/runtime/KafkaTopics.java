package io.scimbus.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the event topics before anyone produces or subscribes. Relying on auto-creation leaves a consumer that
 * subscribed first blind to the topic until its next metadata refresh (five minutes by default).
 */
public final class KafkaTopics {
  private KafkaTopics() {
  }

  private static boolean createdMeanwhile(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TopicExistsException) {
        return true;
      }
    }
    return false;
  }

  public static Future<Void> ensure(Vertx vertx, ServiceConfig config, Set<String> topics) {
    KafkaAdminClient admin = KafkaAdminClient.create(vertx, KafkaConnection.settings(config));
    return admin.listTopics().compose(existing -> {
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : topics) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, config.integer(ConfigKeys.KAFKA_PARTITIONS),
              (short) config.integer(ConfigKeys.KAFKA_REPLICATION)));
        }
      }
      // Another service or replica may create the same topic at the same moment; that is success too.
      return missing.isEmpty() ? Future.<Void>succeededFuture()
          : admin.createTopics(missing).recover(e -> createdMeanwhile(e)
              ? Future.succeededFuture() : Future.failedFuture(e));
    }).eventually(admin::close);
  }
}
