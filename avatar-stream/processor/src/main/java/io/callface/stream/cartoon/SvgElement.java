package io.callface.stream.cartoon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A node of an SVG document being built: a name, attributes in insertion order and child elements. Attribute
 * values are escaped when written, so any text is safe to put in.
 */
final class SvgElement {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<SvgElement> children = new ArrayList<>();

    private SvgElement(String name) {
        this.name = name;
    }

    static SvgElement of(String name) {
        return new SvgElement(name);
    }

    /** A group marking one drawn part of the cartoon ({@code data-part}), which tests and UIs can look for. */
    static SvgElement part(String part) {
        return of("g").attr("data-part", part);
    }

    SvgElement attr(String attribute, String value) {
        attributes.put(attribute, value);
        return this;
    }

    SvgElement attr(String attribute, double value) {
        return attr(attribute, number(value));
    }

    SvgElement add(SvgElement child) {
        children.add(child);
        return this;
    }


    /** A coordinate or length with one decimal, the precision a 200-unit drawing needs. */
    static String number(double value) {
        String formatted = String.format(Locale.ROOT, "%.1f", value);
        String trimmed = formatted.endsWith(".0") ? formatted.substring(0, formatted.length() - 2) : formatted;
        return "-0".equals(trimmed) ? "0" : trimmed;
    }

    String toXml() {
        StringBuilder out = new StringBuilder();
        write(out);
        return out.toString();
    }

    private void write(StringBuilder out) {
        out.append('<').append(name);
        attributes.forEach((key, value) -> out.append(' ').append(key).append("=\"").append(escape(value)).append('"'));
        if (children.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        children.forEach(child -> child.write(out));
        out.append("</").append(name).append('>');
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
