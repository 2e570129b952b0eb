package io.callface.stream.app;

import io.callface.stream.config.AvatarStreamConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The topics callface reads and writes, with the settings it expects. */
public final class CallfaceTopics {
    /** Raw call audio is kept only briefly on the input topic (privacy); ten minutes covers any restart. */
    static final String AUDIO_RETENTION_MS = "600000";

    private CallfaceTopics() {
    }

    public static List<NewTopic> of(AvatarStreamConfig config, short replication) {
        int partitions = config.getInt(AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG);
        return List.of(
                new NewTopic(config.audioTopic(), partitions, replication)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, AUDIO_RETENTION_MS)),
                new NewTopic(config.avatarsTopic(), partitions, replication),
                new NewTopic(config.dlqTopic(), 1, replication),
                new NewTopic(config.modelsTopic(), 1, replication)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }
}
