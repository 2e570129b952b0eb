package io.callface.stream.cartoon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgElementTest {
    @Test
    void attributeValuesAreEscaped() {
        String xml = SvgElement.of("g").attr("data-x", "a\"<b>&'c").add(SvgElement.of("path")).toXml();

        assertThat(xml).isEqualTo("<g data-x=\"a&quot;&lt;b&gt;&amp;&#39;c\"><path/></g>");
    }

    @Test
    void numbersHaveOneDecimalAndNoTrailingZero() {
        assertThat(SvgElement.number(12.0)).isEqualTo("12");
        assertThat(SvgElement.number(12.345)).isEqualTo("12.3");
        assertThat(SvgElement.number(-0.04)).isEqualTo("0");
        assertThat(SvgElement.number(-2.06)).isEqualTo("-2.1");
    }

    @Test
    void anElementWithoutChildrenIsSelfClosing() {
        assertThat(SvgElement.of("g").attr("data-part", "beard").toXml()).isEqualTo("<g data-part=\"beard\"/>");
    }
}
