package io.scimbus.events;

import io.micrometer.core.instrument.Tags;
import io.scimbus.runtime.metrics.Meters;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * {@code scimbus_consumer_lag_records{group,topic}}: records on the broker this consumer has not fetched yet, summed
 * over its assigned partitions, from the Kafka client's own per-partition {@code records-lag}. NaN until the consumer
 * has fetched from an assigned partition of the topic.
 */
public final class ConsumerLag {
  public static final String LAG = "scimbus.consumer.lag.records";
  private static final String FETCH_METRICS = "consumer-fetch-manager-metrics";
  private static final String RECORDS_LAG = "records-lag";

  private ConsumerLag() {
  }

  public static void register(String group, Set<String> topics, Consumer<?, ?> consumer) {
    for (String topic : topics) {
      Meters.gauge(LAG, "records not yet consumed by the group", Tags.of("group", group, "topic", topic),
          () -> lag(consumer, topic));
    }
  }

  private static double lag(Consumer<?, ?> consumer, String topic) {
    double sum = Double.NaN;
    for (var entry : consumer.metrics().entrySet()) {
      MetricName name = entry.getKey();
      if (RECORDS_LAG.equals(name.name()) && FETCH_METRICS.equals(name.group())
          && topic.equals(name.tags().get("topic")) && name.tags().containsKey("partition")
          && value(entry.getValue()) >= 0) {
        sum = (Double.isNaN(sum) ? 0 : sum) + value(entry.getValue());
      }
    }
    return sum;
  }

  private static double value(Metric metric) {
    return metric.metricValue() instanceof Number number ? number.doubleValue() : Double.NaN;
  }
}
