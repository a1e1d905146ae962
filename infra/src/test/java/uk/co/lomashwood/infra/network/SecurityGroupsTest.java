package uk.co.lomashwood.infra.network;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.edge;
import static uk.co.lomashwood.infra.Templates.network;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import uk.co.lomashwood.infra.Templates;

/** The seed's four security groups, with exactly its rules and nothing more. */
class SecurityGroupsTest {

    private static final String SG = "AWS::EC2::SecurityGroup";
    private static final Map<String, Object> NO_EGRESS = Map.of(
            "CidrIp", "255.255.255.255/32", "IpProtocol", "icmp", "FromPort", 252, "ToPort", 86,
            "Description", "Disallow all traffic");

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void albAcceptsHttpAndHttpsFromAnywhereAndTalksOnlyToTasks(String env) {
        Map<String, Object> alb = group(env, "alb");
        assertThat(rules(alb.get("SecurityGroupIngress"))).containsExactlyInAnyOrder(
                "tcp 80-80 0.0.0.0/0", "tcp 443-443 0.0.0.0/0");
        assertThat(alb).doesNotContainKey("SecurityGroupEgress");
        network(env).hasResourceProperties("AWS::EC2::SecurityGroupEgress", Map.of(
                "IpProtocol", "-1",
                "GroupId", Match.objectLike(Map.of("Fn::GetAtt", List.of(logicalId(env, "alb"), "GroupId"))),
                "DestinationSecurityGroupId", Map.of("Fn::GetAtt", List.of(logicalId(env, "ecs-tasks"), "GroupId"))));
        network(env).resourceCountIs("AWS::EC2::SecurityGroupEgress", 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void ecsTasksAcceptAllTcpFromAlbAndVpcAndReachAnywhere(String env) {
        Map<String, Object> tasks = group(env, "ecs-tasks");
        assertThat(rules(tasks.get("SecurityGroupIngress"))).containsExactly("tcp 0-65535 10.0.0.0/16");
        assertThat(rules(tasks.get("SecurityGroupEgress"))).containsExactly("-1 all 0.0.0.0/0");
        network(env).hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                "IpProtocol", "tcp", "FromPort", 0, "ToPort", 65535,
                "GroupId", Map.of("Fn::GetAtt", List.of(logicalId(env, "ecs-tasks"), "GroupId")),
                "SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(logicalId(env, "alb"), "GroupId"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void rdsAcceptsOnly5432FromTasksAndSendsNothing(String env) {
        dataStoreGroup(env, "rds", 5432);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void redisAcceptsOnly6379FromTasksAndSendsNothing(String env) {
        dataStoreGroup(env, "redis", 6379);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void noOtherRulesExistAnywhere(String env) {
        // Three group-to-group ingress rules: tasks<-alb, rds<-tasks, redis<-tasks.
        network(env).resourceCountIs("AWS::EC2::SecurityGroupIngress", 3);
        for (Template other : List.of(Templates.data(env), edge(env), Templates.services(env), Templates.messaging(env))) {
            other.resourceCountIs(SG, 0);
            other.resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
            other.resourceCountIs("AWS::EC2::SecurityGroupEgress", 0);
        }
        // The four seed groups plus the interface-endpoint group.
        network(env).resourceCountIs(SG, 5);
    }

    private static void dataStoreGroup(String env, String name, int port) {
        Map<String, Object> group = group(env, name);
        assertThat(group).doesNotContainKey("SecurityGroupIngress");
        assertThat(Templates.list(group.get("SecurityGroupEgress"))).containsExactly(NO_EGRESS);
        network(env).hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                "IpProtocol", "tcp", "FromPort", port, "ToPort", port,
                "GroupId", Map.of("Fn::GetAtt", List.of(logicalId(env, name), "GroupId")),
                "SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(logicalId(env, "ecs-tasks"), "GroupId"))));
    }

    private static Map<String, Object> group(String env, String name) {
        return Templates.only(network(env), SG, Map.of("GroupName", Templates.config(env).physicalName(name)));
    }

    private static String logicalId(String env, String name) {
        return network(env).findResources(SG, Map.of("Properties",
                Match.objectLike(Map.of("GroupName", Templates.config(env).physicalName(name))))).keySet().iterator().next();
    }

    private static Set<String> rules(Object rules) {
        return Templates.list(rules).stream().map(Templates::map)
                .map(r -> r.get("IpProtocol") + " " + (r.containsKey("FromPort") ? r.get("FromPort") + "-" + r.get("ToPort") : "all")
                        + " " + r.get("CidrIp"))
                .collect(Collectors.toSet());
    }
}
