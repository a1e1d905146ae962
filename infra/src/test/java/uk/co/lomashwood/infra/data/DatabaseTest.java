package uk.co.lomashwood.infra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.data;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.Templates;

/** RDS PostgreSQL 16: sizing per environment, Multi-AZ, KMS CMK, storage autoscaling, the seed's parameters. */
class DatabaseTest {

    private static final String DB = "AWS::RDS::DBInstance";

    @ParameterizedTest
    @CsvSource({"staging,db.t4g.medium,false,100,7", "production,db.r6g.large,true,500,35"})
    void instanceIsSizedPerEnvironment(String env, String instanceClass, boolean multiAz, String storage, int backupDays) {
        data(env).resourceCountIs(DB, 1);
        data(env).hasResourceProperties(DB, Map.of(
                "Engine", "postgres", "EngineVersion", "16",
                "DBInstanceClass", instanceClass, "MultiAZ", multiAz,
                "AllocatedStorage", storage, "StorageType", "gp3",
                "BackupRetentionPeriod", backupDays, "DeletionProtection", true,
                "PubliclyAccessible", false, "EnableIAMDatabaseAuthentication", true));
    }

    @Test
    void productionStorageAutoScales() {
        data("production").hasResourceProperties(DB, Map.of("MaxAllocatedStorage", 1000));
        assertThat(Templates.properties(data("staging"), DB).get(0)).doesNotContainKey("MaxAllocatedStorage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void encryptedWithTheDataCmkAndRdsManagedMasterPassword(String env) {
        data(env).hasResourceProperties(DB, Map.of(
                "StorageEncrypted", true,
                "KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("KeysDataKey.*"), "Arn")),
                "PerformanceInsightsKMSKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("KeysDataKey.*"), "Arn")),
                "ManageMasterUserPassword", true,
                "MasterUserSecret", Map.of("KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("KeysSecretsKey.*"), "Arn"))),
                "VPCSecurityGroups", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*SecurityGroupsRds.*")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void placedInTheDatabaseSubnets(String env) {
        data(env).hasResourceProperties("AWS::RDS::DBSubnetGroup", Map.of("SubnetIds", List.of(
                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*DatabaseSubnet1.*")),
                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*DatabaseSubnet2.*")),
                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*DatabaseSubnet3.*")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void parameterGroupCarriesTheSeedsSettings(String env) {
        data(env).hasResourceProperties("AWS::RDS::DBParameterGroup", Map.of(
                "Family", "postgres16",
                "Parameters", Map.ofEntries(
                        Map.entry("max_connections", "500"),
                        Map.entry("shared_buffers", "{DBInstanceClassMemory/32768}"),
                        Map.entry("effective_cache_size", "{DBInstanceClassMemory*3/32768}"),
                        Map.entry("work_mem", "16384"),
                        Map.entry("maintenance_work_mem", "524288"),
                        Map.entry("rds.logical_replication", "1"),
                        Map.entry("max_wal_size", "4096"),
                        Map.entry("idle_in_transaction_session_timeout", "30000"),
                        Map.entry("statement_timeout", "60000"),
                        Map.entry("log_min_duration_statement", "1000"),
                        Map.entry("shared_preload_libraries", "pg_stat_statements"),
                        Map.entry("pg_stat_statements.track", "all"),
                        Map.entry("rds.force_ssl", "1"))));
    }

    @Test
    void memoryFormulasKeepTheSeedsRatioOnTheDeployedInstance() {
        // db.r6g.large has 16 GiB: shared_buffers = 1/4 (4 GiB), effective_cache_size = 3/4 (12 GiB), in 8 kB pages.
        long memory = 16L * 1024 * 1024 * 1024;
        assertThat(memory / 32768 * 8192).isEqualTo(4L * 1024 * 1024 * 1024);
        assertThat(memory * 3 / 32768 * 8192).isEqualTo(12L * 1024 * 1024 * 1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void exportedLogsHaveRetention(String env) {
        String id = Templates.config(env).physicalName("postgres");
        data(env).hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/rds/instance/" + id + "/postgresql",
                "RetentionInDays", env.equals("production") ? 30 : 7));
    }
}
