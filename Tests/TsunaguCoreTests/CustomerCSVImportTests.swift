import Testing
import TsunaguCore

/// Customer files as managers bring them: Excel CP932, UTF-8 with BOM, Japanese or English headers, bad rows.
@Suite struct CustomerCSVImportTests {
    static let header = "会社名,会社名フリガナ,担当者名,電話番号,都道府県,住所,メールアドレス,業種,区分,顧客備考\r\n"

    @Test func readsCP932ExcelFileWithEveryColumn() throws {
        let text =
            Self.header
            + "株式会社つなぐ,ツナグ,佐藤 一郎,03-1234-5678,東京都,新宿区西新宿1-1-1,sato@example.jp,IT,法人,\"資料送付済み, 再訪問\"\r\n"
        let result = try CustomerCSVImport.read(CP932.encode(text)).get()
        #expect(result.encoding == .cp932)
        #expect(result.problems.isEmpty && result.ignoredHeaders.isEmpty)
        let row = try #require(result.rows.first)
        #expect(row.line == 2)
        let customer = row.customer
        #expect(customer.company == "株式会社つなぐ" && customer.companyKana == "ツナグ")
        #expect(customer.contactName == "佐藤 一郎" && customer.phone.e164 == "+81312345678")
        #expect(customer.phone.entered == "03-1234-5678")
        #expect(customer.prefecture == "東京都" && customer.address == "新宿区西新宿1-1-1")
        #expect(customer.email == "sato@example.jp" && customer.industry == "IT" && customer.kind == .corporate)
        #expect(customer.note == "資料送付済み, 再訪問")
    }

    /// English aliases, another column order, a UTF-8 BOM, unknown columns ignored and reported.
    @Test func readsEnglishHeadersWithBOM() throws {
        let text = "\u{FEFF}Phone,Company,Contact Name,Extra\n090-1111-2222,Acme,Tanaka,whatever\n"
        let result = try CustomerCSVImport.read(Array(text.utf8)).get()
        #expect(result.encoding == .utf8WithBOM)
        #expect(result.ignoredHeaders == ["Extra"])
        #expect(result.rows.map(\.customer.company) == ["Acme"])
        #expect(result.rows.first?.customer.phone.kind == .mobile)
    }

    /// Each bad row is reported with its line and reason; every good row is kept.
    @Test func reportsEveryBadRowAndKeepsTheGoodOnes() throws {
        let text =
            Self.header
            + "良い会社1,,,03-1111-1111,,,,,,\r\n"
            + "番号なし,,,,,,,,,\r\n"
            + "英字,,,TEL0311112222,,,,,,\r\n"
            + ",,,03-2222-2222,,,,,,\r\n"
            + "県が変,,,03-3333-3333,東京府,,,,,\r\n"
            + "メール変,,,03-4444-4444,,,not-an-address,,,\r\n"
            + "区分変,,,03-5555-5555,,,,,会社,\r\n"
            + "\"閉じていない,,,03-6666-6666,,,,,,\r\n"
        let bytes = CP932.encode(text)
        let result = try CustomerCSVImport.read(bytes).get()
        #expect(result.rows.map(\.line) == [2])
        let byLine = Dictionary(uniqueKeysWithValues: result.problems.map { ($0.line, $0.reason) })
        #expect(byLine[3] == .phone(.empty))
        #expect(byLine[4] == .phone(.containsLetters))
        #expect(byLine[5] == .missingName)
        #expect(byLine[6] == .unknownPrefecture("東京府"))
        #expect(byLine[7] == .invalidEmail("not-an-address"))
        #expect(byLine[8] == .unknownKind("会社"))
        #expect(byLine[9] == .syntax(.unterminatedQuote))
        #expect(result.problems.count == 7)
        let message = result.problems.first { $0.line == 4 }!.explanation
        #expect(message.ja == "4行目: 電話番号に英字が含まれています。")
        #expect(message.en == "Line 4: The phone number contains letters.")
    }

    @Test func blankRowsAreSkippedAndExtraEmptyFieldsTolerated() throws {
        let text = "会社名,電話番号\n\n,,\n株式会社A,03-1234-5678,,\n株式会社B,03-1234-5679,extra\n"
        let result = try CustomerCSVImport.read(Array(text.utf8)).get()
        #expect(result.rows.map(\.line) == [4])
        #expect(result.problems == [CustomerRowProblem(line: 5, reason: .tooManyFields(expected: 2, found: 3))])
    }

    @Test func prefectureIsTakenFromTheAddressWhenMissing() throws {
        let text = "会社名,電話番号,住所\nA,03-1234-5678,大阪府大阪市北区1-1\nB,03-1234-5679,東京新宿\n"
        let rows = try CustomerCSVImport.read(Array(text.utf8)).get().rows
        #expect(rows[0].customer.prefecture == "大阪府" && rows[0].customer.address == "大阪市北区1-1")
        #expect(rows[1].customer.prefecture == "" && rows[1].customer.address == "東京新宿")
    }

    @Test func overlongFieldIsRefused() throws {
        let text = "会社名,電話番号\n\(String(repeating: "長", count: 201)),03-1234-5678\n"
        let result = try CustomerCSVImport.read(Array(text.utf8)).get()
        #expect(result.problems == [CustomerRowProblem(line: 2, reason: .tooLong(.company, maximum: 200))])
    }

    /// Problems with the whole file: nothing imported, a clear message.
    @Test func fileProblems() {
        #expect(throws: CustomerCSVImport.FileProblem.empty) { try CustomerCSVImport.read([]).get() }
        #expect(throws: CustomerCSVImport.FileProblem.missingPhoneColumn) {
            try CustomerCSVImport.read(Array("会社名,住所\nA,B\n".utf8)).get()
        }
        #expect(throws: CustomerCSVImport.FileProblem.duplicateColumn(.phone)) {
            try CustomerCSVImport.read(Array("電話番号,TEL\n1,2\n".utf8)).get()
        }
        #expect(throws: CustomerCSVImport.FileProblem.encoding(.binaryContent)) {
            try CustomerCSVImport.read([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]).get()
        }
        #expect(CustomerCSVImport.FileProblem.missingPhoneColumn.explanation.ja.contains("電話番号"))
    }

    /// Header matching ignores width, case, spaces and markers like (必須).
    @Test(arguments: ["電話番号(必須)", "ＴＥＬ", " phone_number ", "Tel", "電話 番号"])
    func headerAliases(header: String) {
        #expect(CustomerField(header: header) == .phone)
    }
}
