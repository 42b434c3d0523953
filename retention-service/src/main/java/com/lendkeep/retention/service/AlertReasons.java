package com.lendkeep.retention.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
import com.lendkeep.retention.domain.AlertCase;

/** An alert case's reason sentences, stored as a JSON array. */
@ApplicationScoped
public class AlertReasons {

    private final ObjectMapper mapper;

    public AlertReasons(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<String> of(AlertCase c) {
        try {
            return mapper.readValue(c.reasons, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons are unreadable", e);
        }
    }

    public String json(List<String> reasons) {
        return StoredJson.write(mapper, reasons);
    }
}
