package vn.motcua.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Optional;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rooms (packages) of the product as docs/layout.md draws them: each room uses only the
 * rooms its arrow names (period and system: any room), so no two rooms depend on each other, directly or round
 * a cycle; and no command class of the command line uses another (what several share is a class of its own).
 * The report tables' SQL, which compiled classes do not show as dependencies, is {@link ReportTablesTest}'s.
 */
@AnalyzeClasses(packages = "vn.motcua.report", importOptions = ImportOption.DoNotIncludeTests.class)
class RoomsTest {

    private static final String ROOT = "vn.motcua.report";

    @ArchTest
    static final ArchRule noCycleOfRooms = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule eachRoomUsesOnlyTheRoomsItsArrowNames = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("application").definedBy(ROOT)
            .layer("cli").definedBy(ROOT + ".cli..")
            .layer("bench").definedBy(ROOT + ".bench..")
            .layer("signoff").definedBy(ROOT + ".signoff..")
            .layer("report").definedBy(ROOT + ".report..")
            .layer("document").definedBy(ROOT + ".document..")
            .layer("revision").definedBy(ROOT + ".revision..")
            .layer("classify").definedBy(ROOT + ".classify..")
            .layer("importing").definedBy(ROOT + ".importing..")
            .layer("dossier").definedBy(ROOT + ".dossier..")
            .layer("centre").definedBy(ROOT + ".centre..")
            .layer("catalogue").definedBy(ROOT + ".catalogue..")
            .layer("config").definedBy(ROOT + ".config..")
            .layer("fault").definedBy(ROOT + ".fault..")
            .layer("db").definedBy(ROOT + ".db..")
            .layer("period").definedBy(ROOT + ".period..")
            .layer("system").definedBy(ROOT + ".system..")
            .whereLayer("application").mayOnlyAccessLayers(andPeriodAndSystem("cli", "config", "fault"))
            .whereLayer("cli").mayOnlyAccessLayers(andPeriodAndSystem("bench", "signoff", "report", "document",
                    "revision", "classify", "importing", "dossier", "centre", "catalogue", "config", "fault", "db"))
            .whereLayer("bench").mayOnlyAccessLayers(andPeriodAndSystem("report", "revision", "classify", "importing",
                    "dossier", "centre", "config"))
            .whereLayer("signoff").mayOnlyAccessLayers(andPeriodAndSystem("document", "revision", "centre", "config"))
            .whereLayer("report").mayOnlyAccessLayers(andPeriodAndSystem("document", "revision", "classify", "dossier",
                    "centre", "catalogue", "config"))
            .whereLayer("document").mayOnlyAccessLayers(andPeriodAndSystem("revision", "classify", "centre", "config"))
            .whereLayer("revision").mayOnlyAccessLayers(andPeriodAndSystem("classify", "importing", "dossier", "centre"))
            .whereLayer("classify").mayOnlyAccessLayers(andPeriodAndSystem("dossier"))
            .whereLayer("importing").mayOnlyAccessLayers(andPeriodAndSystem("centre", "catalogue", "config"))
            .whereLayer("dossier").mayOnlyAccessLayers(andPeriodAndSystem())
            .whereLayer("centre").mayOnlyAccessLayers(andPeriodAndSystem("config"))
            .whereLayer("catalogue").mayOnlyAccessLayers(andPeriodAndSystem("config"))
            .whereLayer("config").mayOnlyAccessLayers(andPeriodAndSystem("db"))
            .whereLayer("fault").mayOnlyAccessLayers(andPeriodAndSystem("config", "db"))
            .whereLayer("db").mayOnlyAccessLayers(andPeriodAndSystem())
            .whereLayer("period").mayOnlyAccessLayers("system")
            .whereLayer("system").mayNotAccessAnyLayer();

    /**
     * The import's own rooms, one way: the service uses store, check and source; storing uses check and source;
     * checking uses source; a format's source knows nothing of the others.
     */
    @ArchTest
    static final ArchRule theImportsRoomsGoOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("service").definedBy(ROOT + ".importing")
            .layer("store").definedBy(ROOT + ".importing.store")
            .layer("check").definedBy(ROOT + ".importing.check")
            .layer("source").definedBy(ROOT + ".importing.source")
            .whereLayer("service").mayOnlyAccessLayers("store", "check", "source")
            .whereLayer("store").mayOnlyAccessLayers("check", "source")
            .whereLayer("check").mayOnlyAccessLayers("source")
            .whereLayer("source").mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule noCycleOfTheImportsRooms = slices().matching(ROOT + ".importing.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule noCommandClassUsesAnother = classes().that().resideInAPackage(ROOT + ".cli")
            .should(useNoCommandClassButTheirOwn());

    /** The rooms named, and the two every room may use. */
    private static String[] andPeriodAndSystem(String... rooms) {
        return Stream.concat(Stream.of(rooms), Stream.of("period", "system")).toArray(String[]::new);
    }

    private static ArchCondition<JavaClass> useNoCommandClassButTheirOwn() {
        return new ArchCondition<>("use no command class but the one they are (or are part of)") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<JavaClass> own = command(item);
                if (own.isEmpty()) {
                    return;
                }
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    Optional<JavaClass> used = command(dependency.getTargetClass());
                    if (used.isPresent() && !used.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The command class (cli's XxxCommand) that a class is or is nested in; empty for any other class. */
    private static Optional<JavaClass> command(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.getPackageName().equals(ROOT + ".cli") && top.getSimpleName().endsWith("Command")
                ? Optional.of(top) : Optional.empty();
    }
}
