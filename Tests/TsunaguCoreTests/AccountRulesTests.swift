import Foundation
import Testing
import TsunaguCore

/// Sign-in throttling, account field checks and reset key codes.
@Suite struct AccountRulesTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// Three failures are free; then the wait doubles (2 s, 4 s, 8 s …) for the user and for the address.
    @Test func throttleSlowsDownRepeatedFailures() {
        var throttle = LoginThrottle()
        let keys = ["user:alpha/agent", "ip:127.0.0.1"]
        for second in 0..<3 {
            #expect(throttle.wait(for: keys, now: Self.t0 + Double(second)) == nil)
            #expect(throttle.recordFailure(for: keys, now: Self.t0 + Double(second)) == false)
        }
        #expect(throttle.recordFailure(for: keys, now: Self.t0 + 3) == true, "the fourth failure starts the slow-down")
        #expect(throttle.wait(for: keys, now: Self.t0 + 3.5) == 1.5)
        #expect(throttle.wait(for: ["ip:127.0.0.1"], now: Self.t0 + 5) == nil)
        throttle.recordFailure(for: keys, now: Self.t0 + 5)
        #expect(throttle.wait(for: keys, now: Self.t0 + 5) == 4)
        #expect(throttle.wait(for: ["user:alpha/other"], now: Self.t0 + 5) == nil, "other users are not slowed down")
    }

    @Test func throttleForgetsAfterTheWindowAndOnSuccess() {
        var throttle = LoginThrottle()
        for second in 0..<6 { throttle.recordFailure(for: ["k"], now: Self.t0 + Double(second)) }
        #expect(throttle.wait(for: ["k"], now: Self.t0 + 6) != nil)
        #expect(throttle.wait(for: ["k"], now: Self.t0 + 16 * 60) == nil)
        throttle.recordSuccess(for: "k")
        #expect(throttle.wait(for: ["k"], now: Self.t0 + 7) == nil)
    }

    @Test func throttleWaitIsCapped() {
        var throttle = LoginThrottle()
        for second in 0..<40 { throttle.recordFailure(for: ["k"], now: Self.t0 + Double(second)) }
        #expect(throttle.wait(for: ["k"], now: Self.t0 + 39)! <= 300)
    }

    @Test func accountFields() {
        #expect(AccountValidation.name("  ") == .required(AccountValidation.nameLabel))
        #expect(AccountValidation.name("山田 花子") == nil)
        #expect(AccountValidation.loginID("agent_01.a-b") == nil)
        #expect(AccountValidation.loginID("山田") == .loginIDCharacters)
        #expect(
            AccountValidation.loginID(String(repeating: "a", count: 65))
                == .tooLong(AccountValidation.loginIDLabel, maximum: 64))
        #expect(AccountValidation.email("") == nil)
        #expect(AccountValidation.email("a@b") == .invalidEmail)
        #expect(AccountValidation.phoneExtension("301") == nil)
        #expect(AccountValidation.phoneExtension("30a") == .extensionCharacters)
        #expect(AccountValidation.password("short", loginID: "x") == .passwordTooShort(minimum: 8))
        #expect(AccountValidation.password("agent0001", loginID: "agent0001") == .passwordSameAsLoginID)
        #expect(AccountValidation.password(String(repeating: "あ", count: 25), loginID: "x") == .passwordTooLong)
        #expect(AccountValidation.password("good password", loginID: "x") == nil)
        #expect(AccountValidation.Problem.invalidEmail.explanation.ja == "メールアドレスの形式が正しくありません。")
    }

    @Test func resetKeyCodes() {
        var generator = SeededGenerator(seed: 7)
        let code = ResetKeyCode.generate(using: &generator)
        #expect(code.count == 20 && code.allSatisfy(\.isHexDigit))
        #expect(ResetKeyCode.generate(using: &generator) != code)
        #expect(ResetKeyCode.normalized(" BA0F2B9CE763A7B6D4D3 ") == "ba0f2b9ce763a7b6d4d3")
        #expect(ResetKeyCode.normalized("xyz") == nil)
        #expect(ResetKeyCode.normalized("ba0f2b9ce763a7b6d4d") == nil)
    }
}
