import Testing
import TsunaguCore

/// 架電禁止リスト files as managers bring them: Excel CP932 with a header, UTF-8, a bare column of numbers copied
/// out of a spreadsheet, bad lines, numbers written twice, and the list's own download read back.
@Suite struct DoNotCallCSVImportTests {
    /// A CP932 file with 電話番号 and メモ: every number normalised to E.164, its note kept, line numbers as in Excel.
    @Test func readsCP932FileWithHeader() throws {
        let text = "電話番号,メモ\r\n03-1234-5678,本人より要望\r\n０９０－１１１１－２２２２,\r\n\"06 6123 4567\",\"代表, 総務\"\r\n"
        let file = try DoNotCallCSVImport.read(CP932.encode(text)).get()
        #expect(file.encoding == .cp932)
        #expect(file.layout == .header(numberColumn: 0, noteColumn: 1))
        #expect(file.problems.isEmpty && file.duplicates == 0 && file.ignoredHeaders.isEmpty)
        #expect(
            file.entries == [
                .init(line: 2, number: "+81312345678", note: "本人より要望"),
                .init(line: 3, number: "+819011112222", note: ""),
                .init(line: 4, number: "+81661234567", note: "代表, 総務"),
            ])
    }

    /// English names, another column order, a UTF-8 BOM; 備考 is the note, other columns are ignored and named.
    @Test func readsUTF8WithOtherColumns() throws {
        let text = "\u{FEFF}会社名,備考,TEL\nつなぐ商事,取引停止,0312345678\n"
        let file = try DoNotCallCSVImport.read(Array(text.utf8)).get()
        #expect(file.encoding == .utf8WithBOM)
        #expect(file.layout == .header(numberColumn: 2, noteColumn: 1))
        #expect(file.ignoredHeaders == ["会社名"])
        #expect(file.entries == [.init(line: 2, number: "+81312345678", note: "取引停止")])
    }

    /// Without a header, a file whose first line holds a number is one number a line; blank lines are skipped and a
    /// line with a second value is refused, naming its line.
    @Test func readsNumbersOnlyWithoutHeader() throws {
        let text = "03-1234-5678\n\n+81 90 1111 2222\n0612345678,メモ?\n０８０１２３４５６７８\n"
        let file = try DoNotCallCSVImport.read(Array(text.utf8)).get()
        #expect(file.layout == .numbersOnly)
        #expect(file.entries.map(\.number) == ["+81312345678", "+819011112222", "+818012345678"])
        #expect(file.entries.map(\.line) == [1, 3, 5])
        #expect(file.problems == [DoNotCallRowProblem(line: 4, reason: .tooManyFields(expected: 1, found: 2))])
    }

    /// Every bad line is reported with its line and reason; every good one is kept.
    @Test func reportsEveryBadLineByItsNumber() throws {
        let text =
            "電話番号,メモ\r\n"
            + "03-1111-1111,良い\r\n"
            + ",番号がない\r\n"
            + "TEL03-1111-2222,\r\n"
            + "03-1111,\r\n"
            + "110,\r\n"
            + "03-1111-3333,長い\(String(repeating: "あ", count: 500))\r\n"
            + "03-1111-4444,メモ,余分\r\n"
            + "\"03-1111-5555,閉じていない\r\n"
        let file = try DoNotCallCSVImport.read(CP932.encode(text)).get()
        #expect(file.entries.map(\.line) == [2])
        let byLine = Dictionary(uniqueKeysWithValues: file.problems.map { ($0.line, $0.reason) })
        #expect(byLine[3] == .phone(.empty))
        #expect(byLine[4] == .phone(.containsLetters))
        #expect(byLine[5] == .phone(.tooShort))
        #expect(byLine[6] == .phone(.specialServiceNumber))
        #expect(byLine[7] == .noteTooLong(maximum: 500))
        #expect(byLine[8] == .tooManyFields(expected: 2, found: 3))
        #expect(byLine[9] == .syntax(.unterminatedQuote))
        #expect(file.problems.count == 7)
        let explanation = try #require(file.problems.first { $0.line == 4 }).explanation
        #expect(explanation.ja == "4行目: 電話番号に英字が含まれています。")
        #expect(explanation.en == "Line 4: The phone number contains letters.")
        #expect(DoNotCallRowProblem(line: 3, reason: .phone(.empty)).explanation.ja == "3行目: 電話番号が入力されていません。")
    }

    /// A number written again (however it is written) is not an error: it is counted, and the first line's note is
    /// the one kept.
    @Test func repeatedNumbersAreCountedNotRejected() throws {
        let text = "電話番号,メモ\n03-1234-5678,最初\n+81312345678,二度目\n0312345678,\n090-0000-0001,\n"
        let file = try DoNotCallCSVImport.read(Array(text.utf8)).get()
        #expect(file.entries.map(\.number) == ["+81312345678", "+819000000001"])
        #expect(file.entries.first?.note == "最初")
        #expect(file.duplicates == 2 && file.problems.isEmpty)
    }

    /// The list's own CSV download (電話番号,種別,メモ,登録日時,登録者) reads back: numbers and notes, the rest ignored.
    @Test func readsTheListsOwnDownload() throws {
        let text = "電話番号,種別,メモ,登録日時,登録者\r\n0312345678,架電禁止(手動),本人より,2026年11月25日 10:00:00,管理者\r\n"
        let file = try DoNotCallCSVImport.read(CP932.encode(text)).get()
        #expect(file.ignoredHeaders == ["種別", "登録日時", "登録者"])
        #expect(file.entries == [.init(line: 2, number: "+81312345678", note: "本人より")])
    }

    /// Problems with the whole file: nothing imported, a clear message.
    @Test func fileProblems() {
        #expect(throws: DoNotCallCSVImport.FileProblem.empty) { try DoNotCallCSVImport.read([]).get() }
        #expect(throws: DoNotCallCSVImport.FileProblem.empty) { try DoNotCallCSVImport.read(Array("\n,\n".utf8)).get() }
        #expect(throws: DoNotCallCSVImport.FileProblem.missingNumberColumn) {
            try DoNotCallCSVImport.read(Array("会社名,メモ\nA,B\n".utf8)).get()
        }
        #expect(throws: DoNotCallCSVImport.FileProblem.duplicateNumberColumn) {
            try DoNotCallCSVImport.read(Array("電話番号,TEL\n1,2\n".utf8)).get()
        }
        #expect(throws: DoNotCallCSVImport.FileProblem.encoding(.binaryContent)) {
            try DoNotCallCSVImport.read([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]).get()
        }
        #expect(DoNotCallCSVImport.FileProblem.missingNumberColumn.explanation.ja.contains("電話番号"))
    }
}

/// What a manager types to lift a bar or note a number, and the mark 顧客一覧 shows.
@Suite struct DialBarInputTests {
    /// A bar is lifted only with a reason: none, or only spaces, is refused.
    @Test func liftNeedsAReason() {
        #expect(DialBarInput.liftReason(nil) == .failure(.reasonRequired))
        #expect(DialBarInput.liftReason(" \u{3000}\n") == .failure(.reasonRequired))
        #expect(DialBarInput.liftReason(" 本人から再開の依頼 ") == .success("本人から再開の依頼"))
        #expect(DialBarInput.liftReason(String(repeating: "a", count: 501)) == .failure(.reasonTooLong(maximum: 500)))
        #expect(DialBarInput.Problem.reasonRequired.explanation.ja == "解除の理由を入力してください。")
    }

    @Test func noteIsOptionalAndBounded() {
        #expect(DialBarInput.note(nil) == .success(""))
        #expect(DialBarInput.note(String(repeating: "あ", count: 500)) == .success(String(repeating: "あ", count: 500)))
        #expect(DialBarInput.note(String(repeating: "あ", count: 501)) == .failure(.noteTooLong(maximum: 500)))
    }

    /// 勧誘お断り wins over 架電禁止; no bar, no mark.
    @Test func markPrefersTheRefusal() {
        #expect(DialBarMark(sources: [DialBarSource]()) == nil)
        #expect(DialBarMark(sources: [.manual, .csvImport]) == .doNotCall)
        #expect(DialBarMark(sources: [.csvImport, .refusal]) == .refusal)
        #expect(DialBarMark.refusal.label.text.ja == "勧誘お断り" && DialBarMark.doNotCall.label.text.ja == "架電禁止")
        #expect(
            DialBarSource.manual.label.text.ja == "架電禁止(手動)" && DialBarSource.csvImport.label.text.ja == "架電禁止(CSV)")
    }
}
