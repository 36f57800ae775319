import Foundation
import Testing

@testable import TsunaguServer

/// The browser's WebRTC offer for the next call: kept, or waited for until it arrives.
@Suite struct PreparedOfferTests {
    /// An offer is taken once.
    @Test func anOfferIsTakenOnce() {
        let offers = PreparedOffer()
        let screen = UUID()
        offers.put("v=0 first", from: screen)
        offers.put("v=0 second", from: screen)
        #expect(offers.take()?.sdp == "v=0 second")
        #expect(offers.take() == nil)
    }

    /// A call waiting for the offer gets it as soon as it is put, long before the wait would end.
    @Test func aWaitingCallGetsTheOfferWhenItArrives() async throws {
        let offers = PreparedOffer()
        let screen = UUID()
        let started = ContinuousClock.now
        // A wait far longer than the bound below: on a loaded machine (the whole suite at once) even 50 ms of sleep
        // can take seconds, and the bound only has to tell "when the offer arrived" from "when the wait ran out".
        async let waited = offers.next(within: .seconds(120))
        try await Task.sleep(for: .milliseconds(50))
        offers.put("v=0 late", from: screen)
        let offer = await waited
        #expect(offer?.sdp == "v=0 late" && offer?.client == screen)
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(offers.take() == nil)
    }

    /// No offer within the wait: nil, and an offer put afterwards is kept for the next call.
    @Test func noOfferWithinTheWaitIsNil() async {
        let offers = PreparedOffer()
        #expect(await offers.next(within: .milliseconds(30)) == nil)
        offers.put("v=0 later", from: UUID())
        #expect(offers.take()?.sdp == "v=0 later")
    }
}
