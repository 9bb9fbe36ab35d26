package org.metroledger.gateway.e2e;

import java.util.List;

/** The users a scenario acts as: who they are and in which MSP ({@link Namespace#member} enrols them per run). */
public final class Cast {
    public static final String NORTH = "NorthMSP";
    public static final String EAST = "EastMSP";
    public static final String CENTRAL_SOUTH = "CentralSouthMSP";

    public static final String NORTH_ADMIN = "admin@north";
    public static final String EAST_ADMIN = "admin@east";
    public static final String CENTRAL_SOUTH_ADMIN = "admin@central-south";
    public static final String NORTH_LAB = "operator@lab-north";
    public static final String EAST_LAB = "operator@lab-east";
    public static final String NORTH_INSPECTOR = "inspector@north";
    public static final String NORTH_ENTITY = "owner@entity-north";
    public static final String EAST_ENTITY = "owner@entity-east";
    public static final String STRANGER = "stranger@north";

    /** One enrolled user: name, MSP and whether its certificate carries the admin OU. */
    public record Member(String name, String msp, boolean admin) {}

    public static final List<Member> MEMBERS = List.of(
            new Member(NORTH_ADMIN, NORTH, true),
            new Member(EAST_ADMIN, EAST, true),
            new Member(CENTRAL_SOUTH_ADMIN, CENTRAL_SOUTH, true),
            new Member(NORTH_LAB, NORTH, false),
            new Member(EAST_LAB, EAST, false),
            new Member(NORTH_INSPECTOR, NORTH, false),
            new Member(NORTH_ENTITY, NORTH, false),
            new Member(EAST_ENTITY, EAST, false),
            new Member(STRANGER, NORTH, false));

    /** The member of that name. */
    public static Member member(String name) {
        return MEMBERS.stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + name + " in the cast"));
    }

    private Cast() {}
}
