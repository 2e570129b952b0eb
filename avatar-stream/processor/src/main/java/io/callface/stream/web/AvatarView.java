package io.callface.stream.web;

import io.callface.avro.AvatarEvent;
import io.callface.avro.Point;
import io.callface.stream.cartoon.CartoonRenderer;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One participant's current avatar as the web API and the live view send it (JSON). Times are epoch
 * milliseconds; landmarks are the 68 iBUG points in [0, 1] image coordinates.
 *
 * @param attributes   the cartoon-ready attributes ({@code CallerAttributes} field by field, nested records as
 *                     objects, classes by name); null when the model has no attribute head
 * @param faceImageUrl where the PNG face is served
 * @param faceImage    the PNG face as a {@code data:} URL in live events; null in API answers
 * @param cartoonUrl   where the SVG cartoon is served
 * @param cartoonSvg   the SVG cartoon's markup in live events; null in API answers
 */
public record AvatarView(String callId, String participantId, long windowIndex, boolean provisional,
                         boolean endOfStream, long windowStart, long windowEnd, float voicedSeconds,
                         float voicedFraction, String modelVersion, int windowsFused, int imageWidth,
                         int imageHeight, List<Landmark> landmarks, Map<String, Object> measures,
                         Map<String, Object> colours, Map<String, Object> attributes, String faceImageUrl,
                         String faceImage, String cartoonUrl, String cartoonSvg) {

    /** A landmark in [0, 1] image coordinates. */
    public record Landmark(float x, float y) {
    }

    public AvatarView {
        if (callId == null || callId.isEmpty() || participantId == null || participantId.isEmpty()) {
            throw new IllegalArgumentException("callId/participantId: must not be empty, got '" + callId + "/" + participantId + "'");
        }
        landmarks = List.copyOf(landmarks);
        measures = Map.copyOf(measures);
        colours = Map.copyOf(colours);
        attributes = attributes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The API's view of {@code event}: the face by URL. */
    public static AvatarView of(AvatarEvent event) {
        return new AvatarView(event.getCallId(), event.getParticipantId(), event.getWindowIndex(),
                event.getProvisional(), event.getEndOfStream(), event.getWindowStart().toEpochMilli(),
                event.getWindowEnd().toEpochMilli(), event.getVoicedSeconds(), event.getVoicedFraction(),
                event.getModelVersion(), event.getWindowsFused(), event.getImageWidth(), event.getImageHeight(),
                event.getLandmarks().stream().map(AvatarView::landmark).toList(), fields(event.getMeasures()),
                fields(event.getColours()), event.getAttributes() == null ? null : fields(event.getAttributes()),
                participantUrl(event, "face.png"), null, participantUrl(event, "cartoon.svg"), null);
    }

    /**
     * The live view's form of {@code event}: face and cartoon embedded, so a tile updates without another request.
     */
    public static AvatarView withEmbeddedFace(AvatarEvent event) {
        AvatarView view = of(event);
        return new AvatarView(view.callId, view.participantId, view.windowIndex, view.provisional, view.endOfStream,
                view.windowStart, view.windowEnd, view.voicedSeconds, view.voicedFraction, view.modelVersion,
                view.windowsFused, view.imageWidth, view.imageHeight, view.landmarks, view.measures, view.colours,
                view.attributes, view.faceImageUrl,
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png(event)), view.cartoonUrl,
                CartoonRenderer.svg(event));
    }

    /** The PNG bytes of the event's face. */
    public static byte[] png(AvatarEvent event) {
        ByteBuffer image = event.getFaceImagePng().duplicate();
        byte[] bytes = new byte[image.remaining()];
        image.get(bytes);
        return bytes;
    }

    private static String participantUrl(AvatarEvent event, String resource) {
        return "/api/calls/" + encode(event.getCallId()) + "/participants/" + encode(event.getParticipantId()) + "/"
                + resource;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Landmark landmark(Point point) {
        return new Landmark(point.getX(), point.getY());
    }

    /** An Avro record's fields by name, in schema order; nested records as maps, enum symbols as names. */
    private static Map<String, Object> fields(SpecificRecordBase record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value instanceof SpecificRecordBase nested) {
                value = fields(nested);
            } else if (value instanceof Enum<?> symbol) {
                value = symbol.name();
            }
            map.put(field.name(), value);
        }
        return map;
    }
}
