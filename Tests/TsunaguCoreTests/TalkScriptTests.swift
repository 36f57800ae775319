import Testing
import TsunaguCore

/// トークスクリプト (特定商取引法 §16 氏名等の明示): placeholders in Japanese or English, filled per call; an unknown
/// placeholder or an unclosed brace is refused, naming it.
struct TalkScriptTests {
    static let values = TalkScript.Values(
        ourCompany: "つなぐ商事", agent: "架電太郎", company: "株式会社サンプル", contact: "山田", product: "法人向け光回線")

    @Test func placeholdersAreFilledIn() throws {
        let script = try TalkScript.parse(
            "お世話になっております。{自社名}の{オペレーター名}と申します。{会社名}の{担当者名}様でいらっしゃいますか。{勧誘目的}"
        ).get()
        #expect(
            script.rendered(with: Self.values, in: .ja)
                == "お世話になっております。つなぐ商事の架電太郎と申します。株式会社サンプルの山田様でいらっしゃいますか。本日は法人向け光回線のご案内(勧誘)のためにお電話いたしました。"
        )
        let english = try TalkScript.parse("This is {agent} from {ourCompany}. {salesPurpose} ({product})").get()
        #expect(
            english.rendered(with: Self.values, in: .en)
                == "This is 架電太郎 from つなぐ商事. I am calling today to offer you 法人向け光回線. (法人向け光回線)")
    }

    @Test func emptyContactReadsAsThePersonInCharge() throws {
        var values = Self.values
        values.contact = ""
        let script = try TalkScript.parse("{担当者名}様").get()
        #expect(script.rendered(with: values, in: .ja) == "ご担当者様様")
        #expect(try TalkScript.parse("｛会社名｝").get().rendered(with: values, in: .ja) == "株式会社サンプル")
    }

    @Test(arguments: [
        ("{社長名}", TalkScriptProblem.unknownPlaceholder("社長名")),
        ("{会社名", .unclosedBrace),
        ("ok {company} {x}", .unknownPlaceholder("x")),
        (String(repeating: "あ", count: TalkScript.maximumLength + 1), .tooLong(maximum: TalkScript.maximumLength)),
    ])
    func badScriptsAreRefused(text: String, problem: TalkScriptProblem) {
        #expect(TalkScript.parse(text) == .failure(problem))
    }

    @Test func textWithoutPlaceholdersIsKept() throws {
        #expect(try TalkScript.parse("").get().rendered(with: Self.values, in: .ja) == "")
        #expect(try TalkScript.parse("そのまま").get().rendered(with: Self.values, in: .ja) == "そのまま")
    }
}
