package org.metroledger.chaincode.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/**
 * Draws that cannot stall: a reveal deadline, seeds dealt to the other centres so a seed withheld
 * is rebuilt and its centre named, and cancellation by a majority of the centres.
 */
class DrawDeadlineTest {
    private final TestWorld world = new TestWorld();
    private final EscrowedDraws draws = new EscrowedDraws(world);

    private JsonNode get(String id) {
        return Canonical.tree(world.bed.evaluate(world.northAdmin, "inspection:Get", Draws.byId(id)), "draw");
    }

    private String publish(String id) {
        return world.bed.submit(world.northAdmin, "inspection:Publish", Canonical.json(Map.of("drawId", id)));
    }

    @Nested
    class Escrowed {
        @Test
        void reveals_open_once_every_centre_confirmed_its_shares_and_the_deadline_runs_from_then() {
            world.bed.submit(world.northAdmin, "inspection:Create", EscrowedDraws.creation("d1", "PT1H"));
            for (String msp : EscrowedDraws.CENTRES) {
                world.bed.submit(draws.admin(msp), "inspection:CommitSeed", draws.commitment("d1", msp));
            }
            world.bed.submit(world.northAdmin, "inspection:ConfirmShares", Canonical.json(Map.of("drawId", "d1")));
            String early = Expect.refused(
                    world.bed,
                    ErrorCode.CONFLICT,
                    world.northAdmin,
                    "inspection:RevealSeed",
                    Canonical.json(Map.of("drawId", "d1", "seed", EscrowedDraws.SEEDS.get(TestBed.NORTH))));
            assertThat(early).contains("confirm").contains(TestBed.EAST);
            assertThat(get("d1").has("revealDeadline")).isFalse();
            world.bed.submit(world.eastAdmin, "inspection:ConfirmShares", Canonical.json(Map.of("drawId", "d1")));
            world.bed.advance(Duration.ofMinutes(5));
            world.bed.submit(
                    world.centralSouthAdmin, "inspection:ConfirmShares", Canonical.json(Map.of("drawId", "d1")));
            JsonNode draw = get("d1");
            assertThat(draw.get("threshold").asInt()).isEqualTo(2);
            assertThat(draw.get("revealDeadline").asText())
                    .isEqualTo(world.bed.now().plus(Duration.ofHours(1)).toString());
        }

        @Test
        void every_share_dealt_decrypts_only_for_its_recipient_and_verifies() {
            draws.opened("d1");
            InspectionDraw draw = Canonical.read(
                    world.bed.evaluate(world.northAdmin, "inspection:Get", Draws.byId("d1")), InspectionDraw.class);
            Dealing north = draw.dealings().get(TestBed.NORTH);
            assertThat(north.shares()).containsOnlyKeys(TestBed.CENTRAL_SOUTH, TestBed.EAST);
            String east = draws.shareOf("d1", TestBed.NORTH, TestBed.EAST);
            assertThat(SeedSharing.verifies(north.commitments(), 2, east)).isTrue();
            assertThat(SeedSharing.verifies(north.commitments(), 1, east)).isFalse();
            assertThat(SeedSharing.decrypt(
                            "d1",
                            TestBed.NORTH,
                            TestBed.EAST,
                            north,
                            draws.keys.get(TestBed.CENTRAL_SOUTH).getPrivate()))
                    .isEmpty();
        }

        @Test
        void all_reveals_give_the_same_draw_as_before() {
            draws.opened("d1");
            EscrowedDraws.CENTRES.forEach(msp -> draws.reveal("d1", msp));
            JsonNode draw = get("d1");
            assertThat(draw.get("status").asText()).isEqualTo("REVEALED");
            assertThat(draw.get("combinedSeed").asText()).isEqualTo(Seeds.combine(EscrowedDraws.SEEDS));
        }

        @Test
        void a_seed_withheld_past_the_deadline_is_rebuilt_from_the_others_shares_and_its_centre_named() {
            world.bed.submit(
                    world.northAdmin,
                    "registry:RegisterEntity",
                    Canonical.json(Map.of(
                            "id",
                            TestWorld.withCheck("91110000MA0000001"),
                            "name",
                            "市场",
                            "province",
                            "北京",
                            "category",
                            "MARKET")));
            draws.opened("d1");
            draws.reveal("d1", TestBed.NORTH);
            draws.reveal("d1", TestBed.CENTRAL_SOUTH);
            Expect.refused(
                    world.bed,
                    ErrorCode.CONFLICT,
                    world.northAdmin,
                    "inspection:PostShares",
                    draws.posting("d1", TestBed.EAST, draws.shareOf("d1", TestBed.EAST, TestBed.NORTH)));
            Expect.refused(
                    world.bed,
                    ErrorCode.CONFLICT,
                    world.northAdmin,
                    "inspection:Publish",
                    Canonical.json(Map.of("drawId", "d1")));

            world.bed.advance(Duration.ofHours(1));
            String late = Expect.refused(
                    world.bed,
                    ErrorCode.CONFLICT,
                    world.eastAdmin,
                    "inspection:RevealSeed",
                    Canonical.json(Map.of("drawId", "d1", "seed", EscrowedDraws.SEEDS.get(TestBed.EAST))));
            assertThat(late).contains("deadline");
            draws.post("d1", TestBed.EAST, TestBed.NORTH);
            String short1 = Expect.refused(
                    world.bed,
                    ErrorCode.CONFLICT,
                    world.northAdmin,
                    "inspection:Publish",
                    Canonical.json(Map.of("drawId", "d1")));
            assertThat(short1).contains("1 of the 2 shares");
            draws.post("d1", TestBed.EAST, TestBed.CENTRAL_SOUTH);

            JsonNode published = Canonical.tree(publish("d1"), "draw");
            assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
            // Withholding changed nothing: the combined seed is the one all three reveals give.
            assertThat(published.get("combinedSeed").asText()).isEqualTo(Seeds.combine(EscrowedDraws.SEEDS));
            JsonNode withheld = published.get("withheld");
            assertThat(withheld).hasSize(1);
            assertThat(withheld.get(0).get("msp").asText()).isEqualTo(TestBed.EAST);
            assertThat(withheld.get(0).get("seed").asText()).isEqualTo(EscrowedDraws.SEEDS.get(TestBed.EAST));
            assertThat(withheld.get(0).get("matchesCommitment").asBoolean()).isTrue();
            assertThat(published.get("publication").get("candidates")).isNotEmpty();
        }

        @Test
        void a_share_off_its_dealers_polynomial_is_refused_naming_the_dealer() {
            draws.opened("d1");
            draws.reveal("d1", TestBed.NORTH);
            world.bed.advance(Duration.ofHours(2));
            String wrongHolder = draws.shareOf("d1", TestBed.EAST, TestBed.CENTRAL_SOUTH);
            Expect.invalid(
                    world.bed,
                    "shares." + TestBed.EAST,
                    world.northAdmin,
                    "inspection:PostShares",
                    draws.posting("d1", TestBed.EAST, wrongHolder));
            Expect.invalid(
                    world.bed,
                    "shares." + TestBed.NORTH,
                    world.eastAdmin,
                    "inspection:PostShares",
                    draws.posting("d1", TestBed.NORTH, draws.shareOf("d1", TestBed.NORTH, TestBed.EAST)));
            draws.post("d1", TestBed.EAST, TestBed.NORTH);
            Expect.refused(
                    world.bed,
                    ErrorCode.CONFLICT,
                    world.northAdmin,
                    "inspection:PostShares",
                    draws.posting("d1", TestBed.EAST, draws.shareOf("d1", TestBed.EAST, TestBed.NORTH)));
        }

        @Test
        void a_commitment_without_a_dealing_or_with_a_dealing_to_a_stale_key_is_refused() {
            world.bed.submit(world.northAdmin, "inspection:Create", EscrowedDraws.creation("d1", "PT1H"));
            Expect.invalid(
                    world.bed,
                    "dealing",
                    world.northAdmin,
                    "inspection:CommitSeed",
                    Canonical.json(Map.of(
                            "drawId", "d1", "seedHash", Seeds.commitment(EscrowedDraws.SEEDS.get(TestBed.NORTH)))));
            String stale = draws.commitment("d1", TestBed.NORTH);
            world.bed.submit(
                    world.eastAdmin,
                    "inspection:RegisterShareKey",
                    Canonical.json(Map.of(
                            "publicKey",
                            org.metroledger.chaincode.signature.LabSignature.pem(
                                    org.metroledger.simulation.CertificateAuthority.newKeyPair()
                                            .getPublic()))));
            Expect.invalid(
                    world.bed,
                    "dealing.shares." + TestBed.EAST + ".key",
                    world.northAdmin,
                    "inspection:CommitSeed",
                    stale);
        }
    }

    @Nested
    class Cancellation {
        private String vote(String id) {
            return Canonical.json(Map.of("drawId", id, "reason", "the inspectors are needed elsewhere"));
        }

        @Test
        void a_majority_of_the_centres_cancels_a_draw() {
            draws.opened("d1");
            JsonNode one = Canonical.tree(world.bed.submit(world.eastAdmin, "inspection:Cancel", vote("d1")), "draw");
            assertThat(one.get("status").asText()).isEqualTo("COMMITTED");
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.eastAdmin, "inspection:Cancel", vote("d1"));
            JsonNode two =
                    Canonical.tree(world.bed.submit(world.centralSouthAdmin, "inspection:Cancel", vote("d1")), "draw");
            assertThat(two.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(two.get("cancellations").get(TestBed.EAST).get("reason").asText())
                    .isEqualTo("the inspectors are needed elsewhere");
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.northAdmin, "inspection:Cancel", vote("d1"));
            Expect.refused(
                    world.bed,
                    ErrorCode.CONFLICT,
                    world.northAdmin,
                    "inspection:RevealSeed",
                    Canonical.json(Map.of("drawId", "d1", "seed", EscrowedDraws.SEEDS.get(TestBed.NORTH))));
        }

        @Test
        void a_two_centre_draw_past_its_deadline_cannot_be_published_and_the_centre_that_revealed_cancels_it() {
            Draws.create(world, "d2", "MARKET");
            Draws.commitAll(world, "d2");
            assertThat(get("d2").get("revealDeadline").asText())
                    .isEqualTo(world.bed
                            .now()
                            .plus(InspectionDraw.DEFAULT_REVEAL_PERIOD)
                            .toString());
            world.bed.submit(world.northAdmin, "inspection:RevealSeed", Draws.reveal("d2", world.northAdmin));
            world.bed.advance(InspectionDraw.DEFAULT_REVEAL_PERIOD);
            String refusal = Expect.refused(
                    world.bed,
                    ErrorCode.CONFLICT,
                    world.northAdmin,
                    "inspection:Publish",
                    Canonical.json(Map.of("drawId", "d2")));
            assertThat(refusal).contains(TestBed.EAST).contains("cancelled");
            Expect.refused(world.bed, ErrorCode.FORBIDDEN, world.eastAdmin, "inspection:Cancel", vote("d2"));
            JsonNode cancelled =
                    Canonical.tree(world.bed.submit(world.northAdmin, "inspection:Cancel", vote("d2")), "draw");
            assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void a_draw_of_three_centres_needs_every_centres_share_key() {
        TestWorld bare = new TestWorld();
        String refusal = Expect.refused(
                bare.bed,
                ErrorCode.CONFLICT,
                bare.northAdmin,
                "inspection:Create",
                EscrowedDraws.creation("d1", "P1D"));
        assertThat(refusal).contains("share key");
    }
}
