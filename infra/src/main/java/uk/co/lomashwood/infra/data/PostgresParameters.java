package uk.co.lomashwood.infra.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's "RDS Parameter Group (production)" in the units RDS PostgreSQL 16 expects
 * (8 kB pages for buffers and caches, kB for work memory, MB for WAL size, ms for timeouts).
 */
public final class PostgresParameters {

    private PostgresParameters() {
    }

    public static Map<String, String> seed() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("max_connections", "500");
        // The seed's 8GB/24GB were sized for a bigger instance; keep its intent (25% / 75% of RAM) for the
        // instance actually deployed: about 4 GiB / 12 GiB on db.r6g.large, 1 GiB / 3 GiB on db.t4g.medium.
        p.put("shared_buffers", "{DBInstanceClassMemory/32768}");
        p.put("effective_cache_size", "{DBInstanceClassMemory*3/32768}");
        p.put("work_mem", "16384");
        p.put("maintenance_work_mem", "524288");
        // RDS does not let wal_level be set directly; rds.logical_replication=1 is what sets it to 'logical'.
        p.put("rds.logical_replication", "1");
        p.put("max_wal_size", "4096");
        p.put("idle_in_transaction_session_timeout", "30000");
        p.put("statement_timeout", "60000");
        p.put("log_min_duration_statement", "1000");
        p.put("shared_preload_libraries", "pg_stat_statements");
        p.put("pg_stat_statements.track", "all");
        // Spec 00 §3.1: clients must use TLS.
        p.put("rds.force_ssl", "1");
        return p;
    }
}
