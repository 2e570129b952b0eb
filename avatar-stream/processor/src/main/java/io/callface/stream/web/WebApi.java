package io.callface.stream.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callface.avro.AvatarEvent;
import io.callface.stream.cartoon.CartoonRenderer;
import io.callface.stream.window.InvalidChunkException;
import io.callface.stream.window.SpeakerId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The conferencing view and its HTTP API, registered on the ops server's Javalin instance:
 * <ul>
 *   <li>{@code GET /} the web app (resources under {@code /web});</li>
 *   <li>{@code GET /api/calls}: {@link CallSummary} of every call with an avatar;</li>
 *   <li>{@code GET /api/calls/{callId}}: {@link CallAvatars}, 404 for an unknown call;</li>
 *   <li>{@code GET /api/calls/{callId}/participants/{participantId}}: {@link AvatarView},
 *       {@code .../face.png} its face and {@code .../cartoon.svg} its cartoon ({@link CartoonRenderer}); 404 when
 *       unknown;</li>
 *   <li>{@code GET /api/calls/{callId}/events}: Server-Sent Events named {@code avatar}, each an
 *       {@link AvatarView} with the face and the cartoon embedded, for every new avatar of the call.</li>
 * </ul>
 * Answers come from the latest-avatar store of whichever instance holds each key: a participant is proxied to
 * its owner, a call or the call list is gathered from every instance. Errors are JSON
 * {@code {"status": ..., "error": ...}}; 503 with Retry-After while the store is not queryable.
 */
public final class WebApi {
    private static final String PNG = "image/png";

    private final AvatarDirectory directory;
    private final AvatarBroadcaster broadcaster;
    private final PeerClient peers;

    public WebApi(AvatarDirectory directory, AvatarBroadcaster broadcaster) {
        this.directory = directory;
        this.broadcaster = broadcaster;
        this.peers = new PeerClient(new ObjectMapper());
    }

    /** Adds the web app and the API to a Javalin configuration. */
    public void configure(JavalinConfig config) {
        config.staticFiles.add("/web", Location.CLASSPATH);
        config.router.mount(routes -> routes
                .get("/api/calls", this::calls)
                .get("/api/calls/{callId}", this::call)
                .get("/api/calls/{callId}/participants/{participantId}", this::participant)
                .get("/api/calls/{callId}/participants/{participantId}/face.png", this::face)
                .get("/api/calls/{callId}/participants/{participantId}/cartoon.svg", this::cartoon)
                .sse("/api/calls/{callId}/events", client -> broadcaster.subscribe(client.ctx().pathParam("callId"), client))
                .exception(StoreUnavailableException.class, (e, ctx) -> {
                    ctx.header("Retry-After", "1");
                    error(ctx, 503, e.getMessage());
                })
                .exception(InvalidChunkException.class, (e, ctx) -> error(ctx, 400, e.getMessage())));
    }

    private void calls(Context ctx) {
        Map<String, List<AvatarView>> byCall = new TreeMap<>();
        for (AvatarEvent event : directory.localAll()) {
            byCall.computeIfAbsent(event.getCallId(), id -> new ArrayList<>()).add(AvatarView.of(event));
        }
        List<CallSummary> summaries = new ArrayList<>(byCall.entrySet().stream()
                .map(entry -> CallSummary.of(entry.getKey(), entry.getValue())).toList());
        if (!localOnly(ctx)) {
            for (HostInfo peer : directory.otherInstances()) {
                summaries.addAll(peers.getJson(peer, "/api/calls", new TypeReference<List<CallSummary>>() { }, List.of()));
            }
        }
        ctx.json(merge(summaries));
    }

    /** One summary per call: a call's participants may be spread over several instances. */
    private static List<CallSummary> merge(List<CallSummary> summaries) {
        Map<String, CallSummary> merged = new TreeMap<>();
        for (CallSummary s : summaries) {
            merged.merge(s.callId(), s, (a, b) -> new CallSummary(a.callId(), a.participants() + b.participants(),
                    a.active() + b.active(), Math.max(a.lastWindowEnd(), b.lastWindowEnd())));
        }
        return merged.values().stream().sorted(Comparator.comparing(CallSummary::callId)).toList();
    }

    private void call(Context ctx) {
        String callId = ctx.pathParam("callId");
        List<AvatarView> avatars = new ArrayList<>(directory.localCall(callId).stream().map(AvatarView::of).toList());
        if (!localOnly(ctx)) {
            for (HostInfo peer : directory.otherInstances()) {
                CallAvatars remote = peers.getJson(peer, ctx.path(), new TypeReference<CallAvatars>() { }, null);
                if (remote != null) {
                    avatars.addAll(remote.participants());
                }
            }
        }
        if (avatars.isEmpty()) {
            error(ctx, 404, "unknown call '" + callId + "'");
            return;
        }
        ctx.json(new CallAvatars(callId, avatars));
    }

    private void participant(Context ctx) {
        Optional<AvatarEvent> avatar = ownedAvatar(ctx);
        avatar.ifPresent(event -> ctx.json(AvatarView.of(event)));
    }

    private void face(Context ctx) {
        Optional<AvatarEvent> avatar = ownedAvatar(ctx);
        avatar.ifPresent(event -> ctx.contentType(PNG).result(AvatarView.png(event)));
    }

    private void cartoon(Context ctx) {
        Optional<AvatarEvent> avatar = ownedAvatar(ctx);
        avatar.ifPresent(event -> ctx.contentType(CartoonRenderer.CONTENT_TYPE).result(CartoonRenderer.svg(event)));
    }

    /**
     * The speaker's avatar when this instance owns the key; otherwise the owner's answer is relayed (and
     * empty is returned), or a 404 is written.
     */
    private Optional<AvatarEvent> ownedAvatar(Context ctx) {
        SpeakerId speaker = new SpeakerId(ctx.pathParam("callId"), ctx.pathParam("participantId"));
        if (!localOnly(ctx)) {
            HostInfo owner = directory.ownerOf(speaker);
            if (!owner.equals(directory.self())) {
                PeerClient.Relayed relayed = peers.get(owner, ctx.path());
                ctx.status(relayed.status()).contentType(relayed.contentType()).result(relayed.body());
                return Optional.empty();
            }
        }
        Optional<AvatarEvent> avatar = directory.localAvatar(speaker);
        if (avatar.isEmpty()) {
            error(ctx, 404, "unknown participant '" + speaker.participantId() + "' of call '" + speaker.callId() + "'");
        }
        return avatar;
    }

    private static boolean localOnly(Context ctx) {
        return "true".equals(ctx.queryParam(PeerClient.LOCAL_ONLY));
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("status", status, "error", message));
    }
}
