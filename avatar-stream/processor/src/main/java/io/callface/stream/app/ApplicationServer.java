package io.callface.stream.app;

import io.callface.stream.config.AvatarStreamConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.kafka.streams.state.HostInfo;

/** Where other instances reach this one's HTTP server: Kafka Streams' {@code application.server}. */
public final class ApplicationServer {
    private ApplicationServer() {
    }

    /**
     * {@code http.advertised.host} if set, else {@code http.host} unless that is a wildcard address (then the
     * machine's host name), with the port the server actually bound.
     */
    public static HostInfo of(AvatarStreamConfig config, int boundPort) {
        String advertised = config.getString(AvatarStreamConfig.HTTP_ADVERTISED_HOST_CONFIG);
        if (!advertised.isBlank()) {
            return new HostInfo(advertised, boundPort);
        }
        String bound = config.getString(AvatarStreamConfig.HTTP_HOST_CONFIG);
        if (!bound.equals("0.0.0.0") && !bound.equals("::") && !bound.equals("[::]")) {
            return new HostInfo(bound, boundPort);
        }
        try {
            return new HostInfo(InetAddress.getLocalHost().getHostName(), boundPort);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("http.advertised.host: empty and this machine's host name is unknown ("
                    + e.getMessage() + "); set it to an address other instances can reach", e);
        }
    }
}
