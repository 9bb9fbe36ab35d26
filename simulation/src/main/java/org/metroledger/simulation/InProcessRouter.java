package org.metroledger.simulation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.annotation.Serializer;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.contract.execution.ExecutionFactory;
import org.hyperledger.fabric.contract.execution.ExecutionService;
import org.hyperledger.fabric.contract.execution.InvocationRequest;
import org.hyperledger.fabric.contract.execution.JSONTransactionSerializer;
import org.hyperledger.fabric.contract.metadata.MetadataBuilder;
import org.hyperledger.fabric.contract.routing.ContractDefinition;
import org.hyperledger.fabric.contract.routing.RoutingRegistry;
import org.hyperledger.fabric.contract.routing.TxFunction;
import org.hyperledger.fabric.contract.routing.TypeRegistry;
import org.hyperledger.fabric.contract.routing.impl.RoutingRegistryImpl;
import org.hyperledger.fabric.contract.routing.impl.SerializerRegistryImpl;
import org.hyperledger.fabric.contract.systemcontract.SystemContract;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ResponseUtils;

/**
 * The shim's {@link ContractRouter} without its two scans of the whole classpath (for
 * {@code @Contract} and {@code @Serializer} classes), which take seconds in a process whose
 * classpath is the gateway's: the contracts it is handed, the shim's system contract
 * and its JSON serializer are registered by name, then requests are routed and executed exactly as
 * {@code ContractRouter.processRequest} does (same registry, execution service and metadata).
 * A peer runs the chaincode jar with the shim's own {@code ContractRouter}; nothing changes there.
 */
final class InProcessRouter {
    private final RoutingRegistry registry = new RoutingRegistryImpl();
    private final ExecutionService executor;

    InProcessRouter(List<Class<? extends ContractInterface>> contracts) {
        addContract(SystemContract.class);
        contracts.forEach(this::addContract);
        SerializerRegistryImpl serializers = new SerializerRegistryImpl();
        addSerializer(serializers, JSONTransactionSerializer.class, Serializer.TARGET.TRANSACTION);
        executor = ExecutionFactory.getInstance().createExecutionService(serializers);
        MetadataBuilder.initialize(registry, TypeRegistry.getRegistry());
    }

    /** As {@code ContractRouter.invoke}: no arguments succeed empty; any failure is an error answer. */
    Response invoke(ChaincodeStub stub) {
        try {
            if (stub.getStringArgs().isEmpty()) {
                return ResponseUtils.newSuccessResponse();
            }
            InvocationRequest request = ExecutionFactory.getInstance().createRequest(stub);
            TxFunction function = registry.containsRoute(request)
                    ? registry.getTxFn(request)
                    : registry.getContract(request.getNamespace()).getUnknownRoute();
            return executor.executeRequest(function, request, stub);
        } catch (Throwable e) {
            return ResponseUtils.newErrorResponse(e);
        }
    }

    /** As {@code RoutingRegistryImpl.addContracts} does for each contract class its scan found. */
    private void addContract(Class<? extends ContractInterface> type) {
        ContractDefinition contract = registry.addNewContract(contractClass(type));
        for (Method method : type.getMethods()) {
            if (method.getAnnotation(Transaction.class) != null) {
                contract.addTxFunction(method);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<ContractInterface> contractClass(Class<? extends ContractInterface> type) {
        return (Class<ContractInterface>) type;
    }

    /**
     * What {@code SerializerRegistryImpl.findAndSetContents} does for each {@code @Serializer} class
     * it finds, for the one the contracts use; its {@code add} is private.
     */
    private static void addSerializer(SerializerRegistryImpl serializers, Class<?> type, Serializer.TARGET target) {
        try {
            Method add = SerializerRegistryImpl.class.getDeclaredMethod(
                    "add", String.class, Serializer.TARGET.class, Class.class);
            add.setAccessible(true);
            add.invoke(serializers, type.getName(), target, type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("this shim version registers serializers differently", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot register serializer " + type.getName(), e.getCause());
        }
    }
}
