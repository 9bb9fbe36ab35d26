package org.metroledger.gateway.http;

import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI contract with each schema's validator built once. The request validator asks the
 * schema repository for a new validator for every parameter and body of every request, which copies
 * the repository's whole lookup table each time; the schemas and the repository never change once
 * the contract is loaded, so one validator per schema validates exactly the same.
 */
final class CompiledContract implements OpenAPIContract {
    private final OpenAPIContract contract;
    private final SchemaRepository schemas;

    CompiledContract(OpenAPIContract contract) {
        this.contract = contract;
        this.schemas = new CompiledSchemas(contract.getSchemaRepository());
    }

    @Override
    public SchemaRepository getSchemaRepository() {
        return schemas;
    }

    @Override
    public Operation operation(String operationId) {
        return contract.operation(operationId);
    }

    @Override
    public List<Operation> operations() {
        return contract.operations();
    }

    @Override
    public List<Path> getPaths() {
        return contract.getPaths();
    }

    @Override
    public JsonObject getRawContract() {
        return contract.getRawContract();
    }

    @Override
    public OpenAPIVersion getVersion() {
        return contract.getVersion();
    }

    @Override
    public List<Server> getServers() {
        return contract.getServers();
    }

    @Override
    public Path findPath(String urlPath) {
        return contract.findPath(urlPath);
    }

    @Override
    public Operation findOperation(String urlPath, HttpMethod method) {
        return contract.findOperation(urlPath, method);
    }

    @Override
    public List<SecurityRequirement> getSecurityRequirements() {
        return contract.getSecurityRequirements();
    }

    @Override
    public SecurityScheme securityScheme(String name) {
        return contract.securityScheme(name);
    }

    /** The contract's repository, remembering the validator of each schema object it was asked for. */
    private static final class CompiledSchemas implements SchemaRepository {
        private final SchemaRepository repository;
        private final Map<Identity, Validator> validators = new ConcurrentHashMap<>();

        CompiledSchemas(SchemaRepository repository) {
            this.repository = repository;
        }

        /** A schema compared by identity: its own equals and hashCode walk the whole schema. */
        private record Identity(JsonSchema schema) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Identity that && that.schema == schema;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(schema);
            }
        }

        @Override
        public Validator validator(JsonSchema schema) {
            return validators.computeIfAbsent(new Identity(schema), key -> repository.validator(key.schema()));
        }

        @Override
        public SchemaRepository dereference(JsonSchema schema) throws SchemaException {
            return repository.dereference(schema);
        }

        @Override
        public SchemaRepository dereference(String uri, JsonSchema schema) throws SchemaException {
            return repository.dereference(uri, schema);
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs) {
            return repository.preloadMetaSchema(fs);
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
            return repository.preloadMetaSchema(fs, draft);
        }

        @Override
        public Validator validator(String ref) {
            return repository.validator(ref);
        }

        @Override
        public Validator validator(String ref, JsonSchemaOptions options) {
            return repository.validator(ref, options);
        }

        @Override
        public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
            return repository.validator(schema, options, dereference);
        }

        @Override
        public JsonObject resolve(JsonObject schema) {
            return repository.resolve(schema);
        }

        @Override
        public JsonSchema find(String pointer) {
            return repository.find(pointer);
        }
    }
}
