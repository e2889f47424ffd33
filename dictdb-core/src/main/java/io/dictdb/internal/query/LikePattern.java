package io.dictdb.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A compiled SQL LIKE pattern: {@code %} matches any sequence (including newlines), {@code _} exactly one
 * character, the character after the escape character is literal, everything else is literal; the match is
 * anchored at both ends ({@code "abc"} does not match {@code "abc\n"}).
 *
 * <p>Common shapes ({@code lit}, {@code lit%}, {@code %lit}, {@code %lit%}) are matched with String methods;
 * the rest with a regular expression. {@link #literalPrefix()} is the text every match starts with, which a
 * sorted index can turn into a range.
 */
final class LikePattern {
    private enum Shape { EXACT, PREFIX, SUFFIX, INFIX, REGEX }

    private final String source;
    private final boolean caseInsensitive;
    private final Shape shape;
    private final String literal;
    private final Pattern regex;
    private final String literalPrefix;

    LikePattern(String pattern, Character escape, boolean caseInsensitive) {
        this.source = pattern;
        this.caseInsensitive = caseInsensitive;
        // Tokens: a String is a literal run, '%' / '_' Characters are wildcards.
        List<Object> tokens = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape && i + 1 < pattern.length()) {
                run.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                if (run.length() > 0) {
                    tokens.add(lower(run.toString()));
                    run.setLength(0);
                }
                if (c == '%' && !tokens.isEmpty() && Character.valueOf('%').equals(tokens.get(tokens.size() - 1))) {
                    continue; // %% is the same as %
                }
                tokens.add(c);
            } else {
                run.append(c);
            }
        }
        if (run.length() > 0) {
            tokens.add(lower(run.toString()));
        }
        this.literalPrefix = !caseInsensitive && !tokens.isEmpty() && tokens.get(0) instanceof String
                ? (String) tokens.get(0) : "";
        Shape s = Shape.REGEX;
        String lit = null;
        int n = tokens.size();
        boolean hasUnderscore = tokens.contains('_');
        if (!hasUnderscore) {
            if (n == 0) {
                s = Shape.EXACT;
                lit = "";
            } else if (n == 1 && tokens.get(0) instanceof String) {
                s = Shape.EXACT;
                lit = (String) tokens.get(0);
            } else if (n == 1) {
                s = Shape.PREFIX; // a lone %
                lit = "";
            } else if (n == 2 && tokens.get(0) instanceof String) {
                s = Shape.PREFIX;
                lit = (String) tokens.get(0);
            } else if (n == 2) {
                s = Shape.SUFFIX;
                lit = (String) tokens.get(1);
            } else if (n == 3 && tokens.get(1) instanceof String && !(tokens.get(0) instanceof String)) {
                s = Shape.INFIX;
                lit = (String) tokens.get(1);
            }
        }
        this.shape = s;
        this.literal = lit;
        if (s == Shape.REGEX) {
            StringBuilder re = new StringBuilder();
            for (Object token : tokens) {
                if (token instanceof String) {
                    re.append(Pattern.quote((String) token));
                } else if ((Character) token == '%') {
                    re.append(".*");
                } else {
                    re.append('.');
                }
            }
            this.regex = Pattern.compile(re.toString(), Pattern.DOTALL);
        } else {
            this.regex = null;
        }
    }

    private String lower(String text) {
        return caseInsensitive ? text.toLowerCase(Locale.ROOT) : text;
    }

    boolean matches(String value) {
        String v = caseInsensitive ? value.toLowerCase(Locale.ROOT) : value;
        switch (shape) {
            case EXACT: return v.equals(literal);
            case PREFIX: return v.startsWith(literal);
            case SUFFIX: return v.endsWith(literal);
            case INFIX: return v.contains(literal);
            default: return regex.matcher(v).matches();
        }
    }

    /** Whether the pattern is exactly a literal prefix followed by {@code %} (matches = starts with the prefix). */
    boolean isPrefixOnly() {
        return shape == Shape.PREFIX && !caseInsensitive && literal.equals(literalPrefix) && !literal.isEmpty();
    }

    /** The literal text every matching value starts with (empty when none, and always for case-insensitive). */
    String literalPrefix() {
        return literalPrefix;
    }

    @Override
    public String toString() {
        return source;
    }
}
