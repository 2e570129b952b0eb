package io.callface.stream.cartoon;

import static io.callface.stream.cartoon.CartoonEvents.attributes;
import static io.callface.stream.cartoon.CartoonEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.callface.avro.AvatarEvent;
import io.callface.avro.FaceMeasures;
import io.callface.avro.FaceShapeClass;
import io.callface.avro.HairLengthClass;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CartoonRendererTest {
    private static final EnumSet<HairLengthClass> FALLING_HAIR =
            EnumSet.of(HairLengthClass.CHIN, HairLengthClass.SHOULDER, HairLengthClass.LONG);

    @Property(tries = 200)
    void theDrawingSaysWhatTheAttributesSay(@ForAll @DoubleRange(min = 0, max = 1) double male,
                                            @ForAll @DoubleRange(min = 10, max = 95) double age,
                                            @ForAll HairLengthClass length,
                                            @ForAll @DoubleRange(min = 0, max = 1) double grey,
                                            @ForAll @DoubleRange(min = 0, max = 1) double facialHair,
                                            @ForAll FaceShapeClass shape) throws Exception {
        AvatarEvent event = event("p", attributes(male, age, length, grey, facialHair, shape));
        CartoonFeatures features = CartoonFeatures.of(event);

        Element svg = parse(CartoonRenderer.svg(event));

        assertThat(svg.getAttribute("data-hair-length")).isEqualTo(length.name());
        assertThat(svg.getAttribute("data-hair-style")).isEqualTo(HairStyle.of(length, male).name());
        assertThat(svg.getAttribute("data-face-shape")).isEqualTo(shape.name());
        assertThat(svg.getAttribute("data-facial-hair")).isEqualTo(features.facialHair().name());
        assertThat(drawn(svg, "beard")).isEqualTo(features.facialHair() == FacialHair.NONE ? 0 : 1);
        assertThat(drawn(svg, "moustache")).isEqualTo(features.facialHair() == FacialHair.FULL ? 1 : 0);
        assertThat(drawn(svg, "hair-back")).isEqualTo(FALLING_HAIR.contains(length) ? 1 : 0);
        assertThat(drawn(svg, "hair-front")).isPositive();
        assertThat(drawn(svg, "age-lines")).isEqualTo(features.ageLines().foreheadLineCount()
                + (features.ageLines().showsCrowsFeet() ? 2 : 0) + (features.ageLines().showsFolds() ? 2 : 0));
        assertThat(svg.getAttribute("data-age-lines")).isEqualTo(String.valueOf(drawn(svg, "age-lines")));
    }

    @Test
    void anOldBeardedManAndAYoungLongHairedWomanDifferInHairFacialHairAndLines() throws Exception {
        Element man = parse(CartoonRenderer.svg(event("m", attributes(0.95, 68, HairLengthClass.SHORT, 0.8, 0.9, FaceShapeClass.SQUARE))));
        Element woman = parse(CartoonRenderer.svg(event("w", attributes(0.05, 24, HairLengthClass.LONG, 0, 0.02, FaceShapeClass.OVAL))));

        assertThat(drawn(man, "beard")).isOne();
        assertThat(drawn(woman, "beard")).isZero();
        assertThat(drawn(man, "hair-back")).isZero();
        assertThat(drawn(woman, "hair-back")).isOne();
        assertThat(Integer.parseInt(man.getAttribute("data-age-lines"))).isGreaterThan(3);
        assertThat(woman.getAttribute("data-age-lines")).isEqualTo("0");
        assertThat(fill(man, "hair-front")).isNotEqualTo(fill(woman, "hair-front"));
        assertThat(man.getAttribute("data-hair-style")).isEqualTo("SIDE_PART");
        assertThat(woman.getAttribute("data-hair-style")).isEqualTo("CURTAINS");
    }

    @Test
    void theSkinIsTheDecodedFacesSkinColour() throws Exception {
        Element svg = parse(CartoonRenderer.svg(event("p", null)));

        assertThat(fill(svg, "head")).isEqualTo("#d9a98c");
    }

    @Test
    void aPersonKeepsTheirBackgroundFromWindowToWindowAndPeopleDiffer() {
        String first = CartoonRenderer.svg(event("ann", null));
        String again = CartoonRenderer.svg(event("ann", null));

        assertThat(again).isEqualTo(first);
        assertThat(java.util.stream.Stream.of("ann", "bob", "cyd", "dee", "eve", "fay")
                .map(id -> backgroundOf(CartoonRenderer.svg(event(id, null)))).distinct().count()).isGreaterThan(1);
    }

    @Test
    void measuresThatAreNotNumbersStillDrawAFaceWithFiniteCoordinates() throws Exception {
        AvatarEvent event = event("p", attributes(0.5, Double.NaN, HairLengthClass.CHIN, Double.NaN, Double.NaN, FaceShapeClass.ROUND));
        event.setMeasures(new FaceMeasures(Float.NaN, Float.POSITIVE_INFINITY, -3f, 99f, 0f, Float.NaN, 0f, 0f, 0f));

        String svg = CartoonRenderer.svg(event);

        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(drawn(parse(svg), "head")).isOne();
    }

    private static Element parse(String svg) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        return root;
    }

    /** How many shapes the part with this name draws. */
    private static int drawn(Element svg, String part) {
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (part.equals(group.getAttribute("data-part"))) {
                return group.getElementsByTagName("path").getLength() + group.getElementsByTagName("ellipse").getLength();
            }
        }
        throw new AssertionError("no part " + part);
    }

    private static String fill(Element svg, String part) {
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (part.equals(group.getAttribute("data-part"))) {
                return ((Element) group.getElementsByTagName("path").item(0)).getAttribute("fill");
            }
        }
        throw new AssertionError("no part " + part);
    }

    private static String backgroundOf(String svg) {
        int at = svg.indexOf("<rect");
        int fill = svg.indexOf("fill=\"", at);
        return svg.substring(fill + 6, fill + 13);
    }
}
