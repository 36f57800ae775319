/// What a call list adds to the tenant's rules: its 商品・サービス and トークスクリプト (特定商取引法 §16), and, when
/// set, a calling window that narrows the tenant's (a B2C list 10:00–19:00) and retry rules of its own.
public struct CallListRules: Sendable, Hashable, Codable {
    /// 商品・サービス: what the calls of this list offer.
    public var product: String
    /// The talk script's text as typed (`TalkScript.parse` accepted it); empty for none.
    public var talkScript: String
    /// nil: the tenant's window applies unchanged.
    public var callingWindow: CallingWindow?
    /// nil: the tenant's retry rules apply.
    public var retryPolicy: RetryPolicy?

    public init(
        product: String = "", talkScript: String = "", callingWindow: CallingWindow? = nil,
        retryPolicy: RetryPolicy? = nil
    ) {
        self.product = product
        self.talkScript = talkScript
        self.callingWindow = callingWindow
        self.retryPolicy = retryPolicy
    }

    public static let maximumProductLength = 200

    /// The window calls of this list are made in: the tenant's, narrowed by the list's.
    public func window(within tenant: CallingWindow) -> CallingWindow { tenant.narrowed(by: callingWindow) }

    /// The retry rules for this list: its own, or the tenant's.
    public func retry(within tenant: RetryPolicy) -> RetryPolicy { retryPolicy ?? tenant }
}
