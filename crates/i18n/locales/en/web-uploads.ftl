# The uploads page: a case's files (crates/web/src/documents/uploads.rs).

uploads-title = Uploads: { $name }
uploads-delete-title = Delete this upload?
uploads-intro = The case's documents and photographs, kept in its database (one backup holds them). Give a document a place to make it an exhibit of the packet; a translation follows its original, with the translator's certificate.
uploads-add = Upload a file
uploads-file-label = PDF, JPEG or PNG, at most { $limit }
uploads-description = Description
uploads-proves = What it proves
uploads-upload = Upload
uploads-checked = A file is checked by its content, not its name. An encrypted (password-protected) or damaged PDF is refused: save or print it again without a password.
uploads-files = Files ({ $count })
uploads-none = No file uploaded yet.
uploads-pages = { $count } { $count ->
    [one] page
   *[other] pages
}
uploads-uploaded-by = uploaded by { $name }, { $when }
uploads-evidence-of = evidence: { $item }
uploads-download = Download
uploads-evidence-item = Evidence item
uploads-none-option = (none)
uploads-it-is = It is
uploads-role-document = a document
uploads-role-translation = a translation of…
uploads-role-certificate = the translator's certificate of…
uploads-of = Of (for a translation: its original; for a certificate: the translation)
uploads-place = Place in the exhibit packet (1, 2, 3…; empty: not an exhibit)
uploads-delete = Delete…
uploads-of-harm = { " " }(harm { $harm })
uploads-of-family = { " " }(family member { $member })
uploads-kind-pdf = PDF
uploads-kind-jpeg = JPEG image
uploads-kind-png = PNG image
uploads-kind-file = file
uploads-place-exhibit = Exhibit { $letter }
uploads-place-translation = translation in Exhibit { $letter }
uploads-place-certificate = certificate in Exhibit { $letter }
uploads-done-uploaded = The file is uploaded.
uploads-done-saved = Saved.
uploads-done-deleted = The upload is deleted.
uploads-too-large = The file is larger than the largest upload allowed ({ $limit }). Nothing was stored. Scan it at a lower resolution, or split it, and upload the parts.
uploads-no-file = Choose a file to upload. Nothing was stored.
uploads-refused = This file cannot be uploaded: { $problem }. Nothing was stored.
uploads-bad-place = The exhibit's place "{ $place }" is not a number from 1 to 10,000. Nothing was saved.

uploads-of-case = Uploads of { $name } ({ $number })
uploads-packet-uses-this = The exhibit packet uses this file.
uploads-packet-uses = The exhibit packet uses { $name }.
uploads-delete-in-packet = It is { $place } of the exhibit packet.
uploads-delete-belonging = { $count ->
    [one] 1 other upload belongs to it (a translation or a certificate); it is kept, as a document of its own.
   *[other] { $count } other uploads belong to it (a translation or a certificate); they are kept, as documents of their own.
}
uploads-delete-explain = Once deleted, the file is gone from the case and from the packet; the packet's letters and pages after it move up.
uploads-delete-confirm = Delete it
uploads-keep = Keep it
uploads-document-failed = This document could not be made: { $problem }. Nothing was downloaded; the case is unchanged.
