import Foundation
import Vapor

/// A file posted from a form (`multipart/form-data`, body streamed to the route), read within the upload limit.
enum UploadedFile {
    case file(name: String, bytes: [UInt8])
    /// Larger than `ServerConfiguration.uploadLimitBytes`: refused before it is read.
    case tooLarge
    /// No file was chosen (or the body was not a form at all).
    case none
}

extension Request {
    /// Reads the posted form's `file`. The form's own parts add a little to the file; anything beyond that is
    /// refused before it is read.
    func uploadedFile() async -> UploadedFile {
        struct UploadForm: Content {
            var file: File?
        }
        let limit = application.tsunaguConfiguration.uploadLimitBytes
        let collected: ByteBuffer?
        do {
            collected = try await body.collect(max: limit + 64 * 1024).get()
        } catch {
            return .tooLarge
        }
        if (collected?.readableBytes ?? 0) > limit + 64 * 1024 { return .tooLarge }
        let form: UploadForm?
        do {
            form = try content.decode(UploadForm.self)
        } catch {
            // No multipart body at all is what a form without a chosen file sends in some browsers.
            logger.notice("\(url.path): no file could be read from the upload: \(error)")
            form = nil
        }
        guard let file = form?.file, file.data.readableBytes > 0 else { return .none }
        if file.data.readableBytes > limit { return .tooLarge }
        return .file(name: String(file.filename.prefix(200)), bytes: Array(file.data.readableBytesView))
    }

    /// The upload limit in MB, as the pages say it.
    var uploadLimitMB: Int { application.tsunaguConfiguration.uploadLimitBytes / 1_048_576 }
}

/// An uploaded file waiting on disk for its confirmation, tied to the session: the preview stores it under a random
/// token kept in the session, the confirmation reads it back only with that same token.
struct PendingUpload {
    /// The session key, and the part of the file name that tells one kind of upload from another.
    let kind: String

    /// Stores the file; returns its token.
    func store(_ bytes: [UInt8], for request: Request) throws -> String {
        let token = Request.randomHex(bytes: 16)
        try FileManager.default.createDirectory(
            atPath: request.application.tsunaguConfiguration.uploadDirectory, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path(request, token)))
        request.session.data[kind] = token
        return token
    }

    /// The file stored under `token`, if the token is this session's.
    func load(_ token: String?, for request: Request) -> [UInt8]? {
        guard let token, token == request.session.data[kind], token.allSatisfy(\.isHexDigit),
            let data = FileManager.default.contents(atPath: path(request, token))
        else { return nil }
        return Array(data)
    }

    /// Forgets the file once it was used.
    func remove(_ token: String, for request: Request) {
        do {
            try FileManager.default.removeItem(atPath: path(request, token))
        } catch {
            request.logger.warning("\(kind): the checked upload could not be removed: \(error)")
        }
        request.session.data[kind] = nil
    }

    private func path(_ request: Request, _ token: String) -> String {
        (request.application.tsunaguConfiguration.uploadDirectory as NSString).appendingPathComponent(
            "\(request.signedIn?.tenantID.uuidString ?? "none")-\(kind)-\(token).csv")
    }
}
