//! The OpenAPI description `GET /openapi.json` serves: generated from the router's own
//! route list (`routes/mod.rs`), each route completed from [`ROUTE_TABLE`] with its
//! operationId and the answers its extractors, bounds and store give, and every error
//! body's `code` listed as the [`ErrorCode`](crate::error::ErrorCode) enum.

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, Http, HttpAuthScheme, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, Response, ResponseBuilder};
use utoipa::OpenApi as _;

use crate::error::{BEARER_CHALLENGE, SKILLPASS_CHALLENGE};
use crate::routes::{own_deadline_router, router, EVERY_ROUTE, ROUTE_TABLE};

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Skillpass registry",
        description = "Accredited issuers, stored credentials, revocation, the equivalence table \
(frameworks, recognition authorities and their signed decisions) and signed trust bundles. \
Writes (and reads of stored credentials) are signed: `Authorization: Skillpass <compact JWS>`, \
EdDSA, typ `skillpass-request+jwt`, kid a did:key DID URL, payload \
{method, path, bodySha256, iat, nonce}. Errors are `{\"error\": {\"code\", \"message\"}}`."
    ),
    components(schemas(crate::error::ErrorBody))
)]
struct ApiDoc;

/// The security scheme of signed requests.
pub const SIGNED: &str = "skillpass";
/// The security scheme of the relay's mailbox (`GET /relay/{id}`).
pub const MAILBOX: &str = "mailboxSecret";
/// The operationId whose 401 asks for the mailbox secret rather than a signature.
const MAILBOX_OPERATION: &str = "collect_relay_answers";

/// The response an extractor, a bound, the store or the HTTP layer gives with `status`.
fn error_response(status: u16) -> Response {
    let description = match status {
        400 => {
            "malformed request: the request line or a header (refused before routing), a \
path segment that is not UTF-8 or not of its form, the query, or the JSON body"
        }
        401 => "unsigned, badly signed, stale or replayed request, or a key no one registered",
        408 => "the request (its headers, or its body) took too long to arrive",
        413 => "the body is over the limit",
        414 => "the URI is too long (refused before routing)",
        415 => "the body is not declared as JSON",
        422 => "a field is invalid or over its bound",
        431 => "too many or too large headers (refused before routing)",
        500 => "the registry failed (storage); details are in its log",
        503 => "the store cannot be reached; the same request may succeed later",
        _ => "error",
    };
    error_body(ResponseBuilder::new().description(description))
}

fn error_body(builder: ResponseBuilder) -> Response {
    builder
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}

/// A 401 with the `WWW-Authenticate` challenge it carries (RFC 9110 §11.6.1), keeping the
/// handler's own description.
fn unauthorized(description: &str, challenge: &'static str) -> Response {
    let header = HeaderBuilder::new()
        .schema(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some([challenge])),
        )
        .description(Some(format!(
            "`{challenge}`: the authentication scheme the request must use"
        )))
        .build();
    error_body(
        ResponseBuilder::new()
            .description(description)
            .header("WWW-Authenticate", header),
    )
}

/// Declares the two ways a request authenticates.
fn security_schemes(doc: &mut OpenApi) {
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        SIGNED,
        SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
            "Authorization",
            "`Skillpass <compact JWS>`: EdDSA or ES256, typ `skillpass-request+jwt`, kid the \
signer's did:key DID URL, payload {method, path (with the query, as sent), bodySha256 \
(base64url SHA-256 of the body bytes), iat (within the registry's window), nonce (16-64 \
base64url characters, never reused)}. A 401 carries `WWW-Authenticate: Skillpass`.",
        ))),
    );
    let mut bearer = Http::new(HttpAuthScheme::Bearer);
    bearer.description = Some(
        "The employer's mailbox secret; the path's id is its base64url SHA-256. A 401 \
carries `WWW-Authenticate: Bearer`."
            .to_owned(),
    );
    components.add_security_scheme(MAILBOX, SecurityScheme::Http(bearer));
}

/// Completes one operation: its id, the answers its extractors, bounds, store and the HTTP
/// layer give, its security requirement, and the challenge of its 401.
fn complete(operation: &mut Operation, id: &str, extra: &[u16]) {
    operation.operation_id = Some(id.to_owned());
    for status in extra.iter().chain(EVERY_ROUTE) {
        operation
            .responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| error_response(*status).into());
    }
    let scheme = if id == MAILBOX_OPERATION {
        Some((MAILBOX, BEARER_CHALLENGE))
    } else if extra.contains(&401) {
        // A route answers 401 from its extractors exactly when it takes a signed request.
        Some((SIGNED, SKILLPASS_CHALLENGE))
    } else {
        None
    };
    if let Some((name, challenge)) = scheme {
        operation.security = Some(vec![SecurityRequirement::new(name, Vec::<String>::new())]);
        if let Some(response) = operation.responses.responses.get_mut("401") {
            let description = match response {
                utoipa::openapi::RefOr::T(r) if !r.description.is_empty() => r.description.clone(),
                _ => error_response(401).description,
            };
            *response = unauthorized(&description, challenge).into();
        }
    }
}

/// The OpenAPI description of every route [`app`](crate::app) serves, each with every
/// status it can answer, a unique operationId (from [`ROUTE_TABLE`]) and, for signed
/// routes, the security scheme and the `WWW-Authenticate` header of their 401.
pub fn openapi() -> OpenApi {
    let mut doc = router(ApiDoc::openapi())
        .merge(own_deadline_router())
        .split_for_parts()
        .1;
    security_schemes(&mut doc);
    for (method, path, id, extra) in ROUTE_TABLE {
        let Some(item) = doc.paths.paths.get_mut(*path) else {
            continue;
        };
        let operation = match *method {
            "get" => item.get.as_mut(),
            "post" => item.post.as_mut(),
            "delete" => item.delete.as_mut(),
            _ => None,
        };
        if let Some(operation) = operation {
            complete(operation, id, extra);
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn the_description_lists_every_error_code_as_sent() {
        let doc = serde_json::to_value(openapi()).unwrap();
        let listed: Vec<&str> = doc["components"]["schemas"]["ErrorCode"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, codes);
        assert_eq!(
            doc["components"]["schemas"]["ErrorDetail"]["properties"]["code"]["$ref"],
            "#/components/schemas/ErrorCode"
        );
    }
}
