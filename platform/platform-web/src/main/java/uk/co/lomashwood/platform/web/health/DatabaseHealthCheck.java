package uk.co.lomashwood.platform.web.health;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** PostgreSQL answers {@code SELECT 1}. */
public class DatabaseHealthCheck implements HealthCheck {

    private final JdbcTemplate jdbc;

    public DatabaseHealthCheck(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public void probe() {
        jdbc.queryForObject("SELECT 1", Integer.class);
    }
}
