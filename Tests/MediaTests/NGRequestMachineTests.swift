import Testing

@testable import Media

/// The request state machine on virtual time: the owner plays the timers.
@Suite struct NGRequestMachineTests {
    let message = NGMessage(cookie: "k1", body: NGCommand.ping.body)

    @Test func sendsThenRetransmitsWithDoublingWaitsThenTimesOut() {
        var machine = NGRequestMachine(message: message, policy: .init(firstInterval: .milliseconds(100), attempts: 3))
        let datagram = message.serialized()
        #expect(machine.start() == [.send(datagram), .startTimer(.milliseconds(100))])
        #expect(machine.timerFired() == [.send(datagram), .startTimer(.milliseconds(200))])
        #expect(machine.timerFired() == [.send(datagram), .startTimer(.milliseconds(400))])
        let last = machine.timerFired()
        #expect(last.count == 1)
        guard case .fail(let error) = last.first else { Issue.record("no failure"); return }
        #expect(error.code == .timeout)
        #expect(error.command == "ping")
        #expect(machine.isFinished)
        #expect(machine.timerFired() == [])
        #expect(NGRequestMachine.Policy(firstInterval: .milliseconds(100), attempts: 3).totalWait == .milliseconds(700))
    }

    @Test func aReplyAfterARetransmissionSucceedsOnce() {
        var machine = NGRequestMachine(message: message, policy: .init(firstInterval: .milliseconds(100), attempts: 3))
        _ = machine.start()
        _ = machine.timerFired()
        let pong = NGMessage(cookie: "k1", body: .dictionary(["result": "pong"]))
        #expect(machine.receive(pong) == [.cancelTimer, .succeed(NGReply(body: pong.body))])
        // The reply to the first copy arriving late changes nothing.
        #expect(machine.receive(pong) == [])
        #expect(machine.timerFired() == [])
    }

    @Test func ignoresAnotherCookie() {
        var machine = NGRequestMachine(message: message)
        _ = machine.start()
        #expect(machine.receive(NGMessage(cookie: "k2", body: .dictionary(["result": "pong"]))) == [])
        #expect(!machine.isFinished)
    }

    @Test func errorReplyAndReplyWithoutResult() {
        var rejected = NGRequestMachine(message: message)
        _ = rejected.start()
        let error = NGMessage(cookie: "k1", body: .dictionary(["result": "error", "error-reason": "Incomplete SDP"]))
        #expect(
            rejected.receive(error) == [
                .cancelTimer, .fail(NGClientError(.rejected, command: "ping", detail: "Incomplete SDP")),
            ])

        var odd = NGRequestMachine(message: message)
        _ = odd.start()
        let actions = odd.receive(NGMessage(cookie: "k1", body: .dictionary(["sdp": "v=0"])))
        #expect(
            actions == [
                .cancelTimer, .fail(NGClientError(.malformedReply, command: "ping", detail: "reply without a result")),
            ])
    }

    @Test func transportFailureEndsTheRequest() {
        var machine = NGRequestMachine(message: message)
        _ = machine.start()
        #expect(
            machine.transportFailed("EHOSTUNREACH") == [
                .cancelTimer, .fail(NGClientError(.unreachable, command: "ping", detail: "EHOSTUNREACH")),
            ])
        #expect(machine.transportFailed("again") == [])
    }
}
