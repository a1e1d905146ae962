package uk.co.lomashwood.infra.network;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.AllocateCidrRequest;
import software.amazon.awscdk.services.ec2.AllocatedSubnet;
import software.amazon.awscdk.services.ec2.IIpAddresses;
import software.amazon.awscdk.services.ec2.RequestedSubnet;
import software.amazon.awscdk.services.ec2.SubnetIpamOptions;
import software.amazon.awscdk.services.ec2.VpcIpamOptions;

/**
 * Places the subnets exactly where the seed draws them: public 10.0.1-3.0/24, private 10.0.11-13.0/24,
 * database 10.0.21-23.0/24. CDK's default allocator would pack them from 10.0.0.0 upwards instead.
 */
public final class SeedSubnetLayout implements IIpAddresses {

    public static final String PUBLIC = "Public";
    public static final String PRIVATE = "Private";
    public static final String DATABASE = "Database";

    /** Third octet of the first subnet of each tier; the n-th AZ adds n. */
    private static final Map<String, Integer> FIRST_OCTET = Map.of(PUBLIC, 1, PRIVATE, 11, DATABASE, 21);

    private final String vpcCidr;
    private final List<String> availabilityZones;

    public SeedSubnetLayout(String vpcCidr, List<String> availabilityZones) {
        this.vpcCidr = vpcCidr;
        this.availabilityZones = List.copyOf(availabilityZones);
    }

    /** The CIDR the seed gives to {@code tier} in the AZ at {@code azIndex}. */
    public static String cidrOf(String tier, int azIndex) {
        Integer first = FIRST_OCTET.get(tier);
        if (first == null) {
            throw new IllegalArgumentException("no seed CIDRs for subnet tier " + tier);
        }
        return "10.0." + (first + azIndex) + ".0/24";
    }

    @Override
    public VpcIpamOptions allocateVpcCidr() {
        return VpcIpamOptions.builder().cidrBlock(vpcCidr).build();
    }

    @Override
    public SubnetIpamOptions allocateSubnetsCidr(AllocateCidrRequest input) {
        List<AllocatedSubnet> allocated = input.getRequestedSubnets().stream()
                .map(this::allocate)
                .toList();
        return SubnetIpamOptions.builder().allocatedSubnets(allocated).build();
    }

    private AllocatedSubnet allocate(RequestedSubnet requested) {
        int azIndex = availabilityZones.indexOf(requested.getAvailabilityZone());
        if (azIndex < 0) {
            throw new IllegalArgumentException("unexpected availability zone " + requested.getAvailabilityZone());
        }
        return AllocatedSubnet.builder().cidr(cidrOf(requested.getConfiguration().getName(), azIndex)).build();
    }
}
