import Foundation
import NIOConcurrencyHelpers
import Telephony
import Testing
import TsunaguCore

@testable import TsunaguServer

/// The phone screen's side of the agent's audio: the browser's offer reaches the call, the far end's answer reaches
/// the screen that offered, and the lamp needs the microphone. (End to end with rtpengine: test_webrtc_audio.py.)
@Suite struct DeskMediaTests {
    /// A provider that carries audio: it records each call's offer and answers at once with an SDP of its own.
    actor AudioTelephony: Telephony {
        nonisolated func run() async {}

        private let route: ToneRoute
        private(set) var offers: [String?] = []
        private(set) var tones: [Character] = []
        private(set) var toneCalls: Set<UUID> = []

        init(tones route: ToneRoute = .media) { self.route = route }
        private var reports: [UUID: @Sendable (CallProgress) -> Void] = [:]
        nonisolated var bridgesAudio: Bool { true }

        func placeCall(_ request: CallRequest, report: @escaping @Sendable (CallProgress) -> Void) async {
            offers.append(request.mediaOffer)
            reports[request.id] = report
            report(.ringing)
            report(.remoteMedia(sdp: "v=0\r\nearly-for-\(request.id)\r\n", early: true))
            report(.remoteMedia(sdp: "v=0\r\nanswer-for-\(request.id)\r\n", early: false))
            report(.answered)
        }

        func hangUp(_ call: UUID) async { reports.removeValue(forKey: call)?(.ended(.afterAnswer)) }
        func readiness(tenantID: UUID) async -> TelephonyReadiness { .ready }
        func toneRoute(tenantID: UUID) async -> ToneRoute { route }

        func sendTone(_ key: Character, call: UUID) async {
            tones.append(key)
            toneCalls.insert(call)
        }
    }

    private func lamp(_ probe: DeskProbe) -> [String: Any]? {
        (probe.messages(ofType: "state").last?["desk"] as? [String: Any])?["lamp"] as? [String: Any]
    }

    @Test func offerGoesWithTheCallAndTheAnswerBackToTheOfferingScreen() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 3)
            let telephony = AudioTelephony()
            app.useTelephony(telephony)
            let session = try await fixture.session(app)
            let offering = DeskProbe(session)
            let otherTab = DeskProbe(session)
            try await offering.send("download")

            // Until the browser says the microphone is allowed, the lamp is red and says why.
            let unknown = try await eventually("a lamp") { lamp(offering) }
            #expect(unknown["ready"] as? Bool == false)
            #expect((unknown["reason"] as? String)?.contains("マイク") == true)
            #expect(
                (offering.messages(ofType: "state").last?["desk"] as? [String: Any])?["audio"] as? String == "webrtc")
            try await offering.send("microphone", value: false)
            let denied = try await eventually("the denied lamp") {
                lamp(offering).flatMap { ($0["reason"] as? String)?.contains("許可されていません") == true ? $0 : nil }
            }
            #expect(denied["ready"] as? Bool == false)
            try await offering.send("microphone", value: true)
            try await eventually("the green lamp") {
                lamp(offering).flatMap { $0["ready"] as? Bool == true ? true : nil }
            }

            let offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\n"
            let encoded = String(decoding: try JSONEncoder().encode(offer), as: UTF8.self)
            try await offering.sendJSON("{\"type\":\"mediaOffer\",\"sdp\":\(encoded)}")
            try await offering.send("dial")
            let media = try await eventually("the answer on the offering screen") {
                let messages = offering.messages(ofType: "media")
                return messages.count == 2 ? messages : nil
            }
            #expect(await telephony.offers == [offer])
            #expect(media.map { $0["early"] as? Bool } == [true, false])
            #expect((media[1]["sdp"] as? String)?.hasPrefix("v=0\r\nanswer-for-") == true)
            #expect(otherTab.messages(ofType: "media").isEmpty)

            // The offer is used once: the next call, with no new offer from the screen, waits for one briefly and
            // then goes without audio rather than reuse a peer connection.
            try await offering.send("hangUp")
            try await eventually("the end of the call") { await session.snapshot.activeCall == nil ? true : nil }
            try await offering.send("dial")
            try await eventually("the second call") { await telephony.offers.count == 2 ? true : nil }
            #expect(await telephony.offers == [offer, nil])
        }
    }

    @Test func aMediaOfferThatIsNotSDPIsRefused() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            app.useTelephony(AudioTelephony())
            let probe = DeskProbe(try await fixture.session(app))
            let ack = try await probe.sendJSON("{\"type\":\"mediaOffer\",\"sdp\":\"hello\"}")
            #expect(ack["ok"] as? Bool == false)
            let missing = try await probe.sendJSON("{\"type\":\"mediaOffer\"}")
            #expect(missing["ok"] as? Bool == false)
        }
    }

    @Test func simulatedCarrierSaysThereIsNoAudio() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let probe = DeskProbe(try await fixture.session(app))
            let desk = try await eventually("a state") {
                probe.messages(ofType: "state").last?["desk"] as? [String: Any]
            }
            #expect(desk["audio"] as? String == "none")
            #expect(desk["audioNote"] as? String == "シミュレーションのため、通話の音声はありません。")
            #expect((desk["lamp"] as? [String: Any])?["ready"] as? Bool == true)
        }
    }

    private func header(_ probe: DeskProbe) -> [String: Any]? {
        probe.messages(ofType: "state").last?["desk"] as? [String: Any]
    }

    /// A trunk that wants SIP INFO: the header tells the screen to send tones to the server, which passes each key
    /// of the answered call to the provider, and refuses one outside a call or that is not a tone.
    @Test func tonesGoToTheTrunkWhenItWantsThemInTheSignalling() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 2)
            let telephony = AudioTelephony(tones: .signalling)
            app.useTelephony(telephony)
            let probe = DeskProbe(try await fixture.session(app))
            try await probe.send("microphone", value: true)
            let desk = try await eventually("a state") { header(probe) }
            #expect(desk["tones"] as? String == "info")

            let early = try await probe.send("tone", text: "5")
            #expect(early["ok"] as? Bool == false)
            #expect(early["message"] as? String == "トーンは通話中にだけ送れます。")
            try await probe.send("download")
            try await probe.send("dial")
            try await eventually("the answer") {
                (header(probe)?["call"] as? [String: Any])?["stage"] as? String == "talking" ? true : nil
            }
            for key in ["1", "#", "a"] {
                let ack = try await probe.send("tone", text: key)
                #expect(ack["ok"] as? Bool == true)
            }
            for bad in ["x", "12", ""] {
                let ack = try await probe.send("tone", text: bad)
                #expect(ack["ok"] as? Bool == false, "\(bad)")
            }
            #expect(await telephony.tones == ["1", "#", "A"])
            #expect(await telephony.toneCalls.count == 1)
        }
    }

    /// The usual trunk takes RFC 4733 in the audio: the screen plays tones itself and the server sends none.
    @Test func tonesStayInTheAudioOtherwise() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let telephony = AudioTelephony()
            app.useTelephony(telephony)
            let probe = DeskProbe(try await fixture.session(app))
            try await probe.send("microphone", value: true)
            #expect(try await eventually("a state") { header(probe) }["tones"] as? String == "rtp")
            try await probe.send("download")
            try await probe.send("dial")
            try await eventually("the answer") {
                (header(probe)?["call"] as? [String: Any])?["stage"] as? String == "talking" ? true : nil
            }
            #expect(try await probe.send("tone", text: "1")["ok"] as? Bool == false)
            #expect(await telephony.tones.isEmpty)
        }
    }
}
