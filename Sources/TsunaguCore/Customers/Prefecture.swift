/// The 47 prefectures (都道府県), in the order of the national prefecture codes.
public enum Prefecture {
    public static let all: [String] = [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
        "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
        "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
        "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ]

    private static let byShortName: [String: String] = {
        var map: [String: String] = [:]
        for name in all {
            map[name] = name
            if name != "北海道" { map[String(name.dropLast())] = name }
        }
        return map
    }()

    /// The full name for a prefecture written with or without its suffix (東京 → 東京都), or nil.
    public static func canonical(_ text: String) -> String? {
        byShortName[text.trimmingWhitespace()]
    }

    /// Splits an address that starts with a prefecture: 東京都新宿区… → (東京都, 新宿区…).
    public static func split(address: String) -> (prefecture: String, rest: String)? {
        let scalars = address.trimmingWhitespace().unicodeScalars
        // Every prefecture name is three or four characters long.
        for length in [3, 4] where scalars.count >= length {
            let candidate = String(scalars.prefix(length))
            if fullNames.contains(candidate) {
                return (candidate, String(String.UnicodeScalarView(scalars.dropFirst(length))).trimmingWhitespace())
            }
        }
        return nil
    }

    private static let fullNames = Set(all)
}
