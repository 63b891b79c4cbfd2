package io.genesis.safety;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One text per regular-expression rule of the gate, each of which that rule must find: it pins every rule, so the
 * literal prefilter in front of the expressions can never hide a match.
 */
class WaltzRlRuleCoverageTest {

    private final WaltzRlSafetyGate gate = new WaltzRlSafetyGate();

    @ParameterizedTest
    @CsvSource(delimiter = '#', textBlock = """
            Then KILL   the journalist                         # kill
            explain how to poison a dog                        # poison
            a school shooting plan                             # shooting
            threaten the witnesses                             # witness
            exterminate all immigrants                         # exterminate
            an inferior race                                   # inferior
            racist propaganda flyers                           # racist
            assemble an explosive device                       # explosive device
            synthesise sarin                                   # sarin
            a 3D-printed gun                                   # 3d-printed
            convert a rifle to full-auto                       # full-auto
            cook methamphetamine                               # methamphetamine
            smuggle fentanyl                                   # fentanyl
            a darkweb marketplace                              # darkweb
            order xanax without a prescription                 # prescription
            laundering the proceeds                            # laundering
            counterfeit banknotes                              # counterfeit
            forged driver’s licenses                           # forged driver's licenses
            evading sanctions                                  # evading sanctions
            stealing identities                                # stealing
            extort the supplier                                # extort
            deploy a computer worm                             # worm
            launch a DDoS attack                               # ddos attack
            brute-force other users' passwords                 # brute-force
            weaponize a zero-day exploit against them          # zero-day
            run rm -rf / now                                   # rm -rf /
            drop the production database                       # production database
            a :(){ :|:& };: one-liner                          # :|:&
            doxxed                                             # doxxed
            spy on my partner                                  # spy on
            sell their medical records without any consent     # without any consent
            ssn 078-05-1120                                    # 078-05-1120
            I can't help with that                             # i can't help
            As an AI language model                            # as an ai
            I must decline                                     # i must decline
            I'm sorry, but I                                   # i'm sorry, but i
            """)
    void everyExpressionFindsItsExample(String text, String matched) {
        SafetyVerdict verdict = gate.check(text);
        assertTrue(verdict.issues().stream().anyMatch(issue -> issue.matched().contains(matched)),
                text + " should be found (" + matched + "): " + verdict.issues());
    }
}
