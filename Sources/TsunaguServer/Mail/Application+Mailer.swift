import Mail
import Vapor

private struct MailerKey: StorageKey {
    typealias Value = any Mailer
}

extension Application {
    /// SMTP when configured, otherwise the outbox folder and the log.
    var mailer: any Mailer {
        get {
            if let mailer = storage[MailerKey.self] { return mailer }
            let configuration = tsunaguConfiguration
            if let smtp = configuration.smtp {
                let address =
                    configuration.mailFrom.split(separator: "<").last.map { String($0.prefix { $0 != ">" }) }
                    ?? configuration.mailFrom
                return SMTPMailer(client: SMTPClient(configuration: smtp, group: eventLoopGroup), envelopeFrom: address)
            }
            return OutboxMailer(folder: configuration.outboxDirectory, logger: logger)
        }
        set { storage[MailerKey.self] = newValue }
    }
}
