package uk.co.lomashwood.tools.migrate;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where to migrate. Accepts a JDBC URL or the libpq form {@code postgresql://user:password@host:port/db}
 * (what many secret stores hold); credentials embedded in the URL win over separately given ones.
 */
record JdbcTarget(String jdbcUrl, String user, String password) {

    static JdbcTarget of(String url, String user, String password) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new JdbcTarget(url, user, password);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String info = uri.getRawUserInfo();
            if (info == null) {
                return new JdbcTarget(jdbc, user, password);
            }
            int colon = info.indexOf(':');
            String urlUser = decode(colon < 0 ? info : info.substring(0, colon));
            String urlPassword = colon < 0 ? password : decode(info.substring(colon + 1));
            return new JdbcTarget(jdbc, urlUser, urlPassword);
        }
        throw new MigrateOptions.UsageException("unsupported database URL (expected jdbc:postgresql:// or postgresql://)");
    }

    @Override
    public String toString() {
        return display() + " as " + (user == null ? "the driver's default user" : user);
    }

    /** The URL without its query string (which may carry credentials), safe to print. */
    String display() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
