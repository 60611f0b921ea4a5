package dev.bench4j.web.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query-string parameters, with messages that name the bad one. */
final class Params {

    private Params() {
    }

    /** Decodes a query string; a repeated name keeps its first value (see {@link #all}). */
    static Map<String, String> parse(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs(query)) {
            out.putIfAbsent(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Every value of a repeated parameter, in order. */
    static List<String> all(String query, String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : pairs(query)) {
            if (e.getKey().equals(name)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private static List<Map.Entry<String, String>> pairs(String query) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            out.add(Map.entry(name, value));
        }
        return out;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("malformed percent-encoding in '" + RunIndex.cut(s, 80) + "'");
        }
    }

    static int intIn(Map<String, String> p, String name, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw HttpError.badRequest(name + ": must be from " + min + " to " + max + " but was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + ": expected a whole number but was '" + RunIndex.cut(value, 40) + "'");
        }
    }

    static double number(Map<String, String> p, String name) {
        String v = p.getOrDefault(name, "").trim();
        if (v.isEmpty()) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + ": expected a number but was '" + RunIndex.cut(v, 40) + "'");
        }
    }

    static boolean flag(Map<String, String> p, String name) {
        String v = p.getOrDefault(name, "");
        return v.equals("1") || v.equals("true") || v.equals("on");
    }

    static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            throw HttpError.badRequest("missing parameter '" + name + "'");
        }
        return v;
    }
}
