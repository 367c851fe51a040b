//! The OpenAPI description `GET /openapi.json` serves: generated from the router's own
//! route list (`routes/mod.rs`), each route completed from [`ROUTE_TABLE`] with its
//! operationId and the answers its extractors, bounds and store give, and every error
//! body's `code` listed as the [`ErrorCode`](crate::error::ErrorCode) enum.

use utoipa::openapi::{ContentBuilder, OpenApi, Ref, Response, ResponseBuilder};
use utoipa::OpenApi as _;

use crate::routes::{own_deadline_router, router, ROUTE_TABLE};

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

/// The response an extractor, a bound or the store gives with `status`.
fn error_response(status: u16) -> Response {
    let description = match status {
        400 => "malformed request: a path segment, the query or the JSON body",
        401 => "unsigned, badly signed, stale or replayed request, or a key no one registered",
        408 => "the request took too long to arrive",
        413 => "the body is over the limit",
        415 => "the body is not declared as JSON",
        422 => "a field is invalid or over its bound",
        500 => "the registry failed (storage); details are in its log",
        503 => "the store cannot be read",
        _ => "error",
    };
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}

/// The OpenAPI description of every route [`app`](crate::app) serves, each with every
/// status it can answer and a unique operationId (from [`ROUTE_TABLE`]).
pub fn openapi() -> OpenApi {
    let mut doc = router(ApiDoc::openapi())
        .merge(own_deadline_router())
        .split_for_parts()
        .1;
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
        let Some(operation) = operation else { continue };
        operation.operation_id = Some((*id).to_owned());
        for status in *extra {
            operation
                .responses
                .responses
                .entry(status.to_string())
                .or_insert_with(|| error_response(*status).into());
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
