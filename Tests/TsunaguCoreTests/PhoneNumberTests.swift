import Foundation
import Testing
import TsunaguCore

/// Japanese numbers as people type them, and what is refused.
@Suite struct PhoneNumberTests {
    /// (entered, E.164, kind) — every form people type.
    static let accepted: [(String, String, PhoneNumber.Kind)] = [
        ("03-1234-5678", "+81312345678", .fixedLine),
        ("0312345678", "+81312345678", .fixedLine),
        ("03 1234 5678", "+81312345678", .fixedLine),
        ("(03)1234-5678", "+81312345678", .fixedLine),
        ("０３－１２３４－５６７８", "+81312345678", .fixedLine),
        ("03ー1234ー5678", "+81312345678", .fixedLine),
        ("03.1234.5678", "+81312345678", .fixedLine),
        ("011-222-3333", "+81112223333", .fixedLine),
        ("0466-12-3456", "+81466123456", .fixedLine),
        ("09912-3-4567", "+81991234567", .fixedLine),
        ("090-1234-5678", "+819012345678", .mobile),
        ("080 1234 5678", "+818012345678", .mobile),
        ("070-1234-5678", "+817012345678", .mobile),
        ("050-1234-5678", "+815012345678", .ipPhone),
        ("0120-123-456", "+81120123456", .tollFree),
        ("0800-123-4567", "+818001234567", .tollFree),
        ("0570-123-456", "+81570123456", .naviDial),
        ("+81 3-1234-5678", "+81312345678", .fixedLine),
        ("+81 (0)3 1234 5678", "+81312345678", .fixedLine),
        ("＋８１９０１２３４５６７８", "+819012345678", .mobile),
        ("0081-90-1234-5678", "+819012345678", .mobile),
        ("010-81-3-1234-5678", "+81312345678", .fixedLine),
        ("81312345678", "+81312345678", .fixedLine),
        ("819012345678", "+819012345678", .mobile),
        // A spreadsheet stored the number as a number and dropped the 0.
        ("312345678", "+81312345678", .fixedLine),
        ("9012345678", "+819012345678", .mobile),
        ("  03-1234-5678\u{3000}", "+81312345678", .fixedLine),
        // Excel's text mark, and what our own CSV export writes before a leading +.
        ("'0312345678", "+81312345678", .fixedLine),
        ("'+81 3 1234 5678", "+81312345678", .fixedLine),
    ]

    @Test(arguments: accepted)
    func accepts(entered: String, e164: String, kind: PhoneNumber.Kind) throws {
        let number = try PhoneNumber.parse(entered).get()
        #expect(number.e164 == e164)
        #expect(number.kind == kind)
        #expect(number.entered == entered.trimmingCharacters(in: .whitespaces.union(["\u{3000}"])))
    }

    static let refused: [(String, PhoneNumberError)] = [
        ("", .empty),
        ("  ", .empty),
        ("03-1234-567", .tooShort),
        ("090-1234-567", .tooShort),
        ("03-1234-56789", .tooLong),
        ("090-1234-56789", .tooLong),
        ("0120-123-4567", .tooLong),
        ("TEL 03-1234-5678", .containsLetters),
        ("ＴＥＬ03-1234-5678", .containsLetters),
        ("03-1234-5678 内線12", .invalidCharacters("内")),
        ("03-1234+5678", .invalidCharacters("+")),
        ("03-1234'5678", .invalidCharacters("'")),
        ("+1 212 555 0100", .notJapanese),
        ("001-1-212-555-0100", .notJapanese),
        ("010-1-212-555-0100", .notJapanese),
        ("020-1234-5678", .notAssigned),
        ("060-1234-5678", .notAssigned),
        ("0990-123-456", .notAssigned),
        ("110", .specialServiceNumber),
        ("119", .specialServiceNumber),
        ("0", .tooShort),
        ("12345", .tooShort),
    ]

    @Test(arguments: refused)
    func refuses(entered: String, error: PhoneNumberError) {
        #expect(throws: error) { try PhoneNumber.parse(entered).get() }
    }

    /// Every refusal explains itself in Japanese and English.
    @Test func refusalsExplainThemselves() {
        for (text, _) in Self.refused {
            guard case .failure(let error) = PhoneNumber.parse(text) else { continue }
            #expect(!error.explanation.ja.isEmpty && !error.explanation.en.isEmpty)
            #expect(error.explanation.ja != error.explanation.en)
        }
        #expect(PhoneNumberError.tooShort.explanation.ja == "電話番号の桁数が足りません。")
    }

    @Test func nationalForm() throws {
        #expect(try PhoneNumber.parse("+81 90 1234 5678").get().national == "09012345678")
    }
}
