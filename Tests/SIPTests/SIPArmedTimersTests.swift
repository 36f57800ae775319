import Testing

@testable import SIP

/// A transaction's armed timers kept inline: set, replace and remove by letter, with room beyond three.
@Suite struct SIPArmedTimersTests {
    @Test func setReplaceAndRemove() {
        var timers = SIPArmedTimers<Int>()
        #expect(timers.set(.a, 1) == nil)
        #expect(timers.set(.b, 2) == nil)
        #expect(timers.set(.a, 3) == 1)
        #expect(Set(timers.ids) == [2, 3])
        #expect(timers.remove(.a) == 3)
        #expect(timers.remove(.a) == nil)
        #expect(timers.set(.d, 4) == nil)
        #expect(timers.set(.a, 5) == nil)
        #expect(Set(timers.ids) == [2, 4, 5])
    }

    /// Every letter at once, then removed one by one in another order: each comes back with its own identifier.
    @Test func moreThanThreeAtOnce() {
        var timers = SIPArmedTimers<Int>()
        for (index, timer) in SIPTimer.allCases.enumerated() { #expect(timers.set(timer, index) == nil) }
        #expect(Set(timers.ids) == Set(SIPTimer.allCases.indices))
        for (index, timer) in SIPTimer.allCases.enumerated().reversed() {
            #expect(timers.set(timer, index + 100) == index)
        }
        for (index, timer) in SIPTimer.allCases.enumerated().shuffled() {
            #expect(timers.remove(timer) == index + 100)
        }
        #expect(timers.ids.isEmpty)
    }
}
