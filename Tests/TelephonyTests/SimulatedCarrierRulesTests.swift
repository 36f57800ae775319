import Telephony
import Testing
import TsunaguCore

/// The simulated carrier decides per number, deterministically.
@Suite struct SimulatedCarrierRulesTests {
    @Test func standardRulesByLastDigit() {
        let rules = SimulatedCarrierRules.standard
        #expect(rules.behaviour(for: "+81312340000") == .answer(afterSeconds: 3))
        #expect(rules.behaviour(for: "+81312340005") == .ringOut)
        #expect(rules.behaviour(for: "+81312340006") == .busy(afterSeconds: 2))
        #expect(rules.behaviour(for: "+81312340007") == .invalidNumber)
        #expect(rules.behaviour(for: "+81312340008") == .reject(afterSeconds: 4))
    }

    @Test func firstMatchingRuleWinsAndFallbackApplies() {
        let rules = SimulatedCarrierRules(
            rules: [
                .init(numberSuffix: "55", behaviour: .busy(afterSeconds: 1)),
                .init(numberSuffix: "5", behaviour: .ringOut),
            ],
            fallback: .invalidNumber)
        #expect(rules.behaviour(for: "+8131234555") == .busy(afterSeconds: 1))
        #expect(rules.behaviour(for: "+8131234545") == .ringOut)
        #expect(rules.behaviour(for: "+8131234541") == .invalidNumber)
    }

    /// Ring out ends at the ring timeout, never later than 120 s, and the time scale divides every step.
    @Test func timelines() {
        let ringOut = SimulatedCallTimeline(behaviour: .ringOut, ringTimeoutSeconds: 30, timeScale: 10)
        #expect(ringOut.steps.map(\.progress) == [.ringing, .ended(.unanswered(.noAnswer))])
        #expect(ringOut.steps.map(\.at) == [0.05, 3])
        let capped = SimulatedCallTimeline(behaviour: .ringOut, ringTimeoutSeconds: 600, timeScale: 1)
        #expect(capped.steps.last?.at == 120)
        let lateAnswer = SimulatedCallTimeline(
            behaviour: .answer(afterSeconds: 40), ringTimeoutSeconds: 30, timeScale: 1)
        #expect(lateAnswer.steps.last?.progress == .ended(.unanswered(.noAnswer)))
        let answer = SimulatedCallTimeline(behaviour: .answer(afterSeconds: 3), ringTimeoutSeconds: 30, timeScale: 1)
        #expect(answer.steps.map(\.progress) == [.ringing, .answered])
        #expect(
            SimulatedCallTimeline(behaviour: .busy(afterSeconds: 2), ringTimeoutSeconds: 30, timeScale: 1).steps
                == [.init(at: 2, progress: .ended(.unanswered(.busy)))])
    }
}

/// The rule table as administrators type it.
@Suite struct SimulatedCarrierRulesTextTests {
    @Test func standardRulesRoundTrip() throws {
        let text = SimulatedCarrierRules.standard.text
        #expect(text.hasPrefix("0 answer 3\n1 answer 4"))
        #expect(try SimulatedCarrierRules(text: text) == .standard)
    }

    @Test func japaneseNamesCommentsAndFallback() throws {
        let rules = try SimulatedCarrierRules(text: "# 例\r\n1004 話し中 1\r\n\r\n5　呼出し続け\n* 応答 2\r\n")
        #expect(rules.behaviour(for: "+81300001004") == .busy(afterSeconds: 1))
        #expect(rules.behaviour(for: "+81300001005") == .ringOut)
        #expect(rules.behaviour(for: "+81300001001") == .answer(afterSeconds: 2))
    }

    @Test(arguments: ["5", "5 answer 3 4", "x5 answer", "5 dance", "5 answer -1", "5 answer 121", "5 ringOut 3"])
    func badLinesAreRefusedWithTheirLine(line: String) {
        do {
            _ = try SimulatedCarrierRules(text: "0 answer 3\n\(line)")
            Issue.record("“\(line)” was accepted")
        } catch {
            #expect(error.line == 2 && error.content == line)
            #expect(error.explanation.ja.contains("2行目"))
        }
    }
}
