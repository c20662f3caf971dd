package org.roadpulse.ingest.flow.export;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A parsed DATEX II document, queried by XPath with the prefixes the exports use (d2, com, roa, loc, xsi). */
final class XmlDocument {

    private static final Map<String, String> NAMESPACES = Map.of(
            "d2", Datex2Xml.D2, "com", Datex2Xml.COM, "roa", Datex2Xml.ROA, "loc", Datex2Xml.LOC,
            "xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);

    private final Node root;
    private final XPath xpath;

    private XmlDocument(Node root) {
        this.root = root;
        this.xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String namespaceURI) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                throw new UnsupportedOperationException();
            }
        });
    }

    static XmlDocument parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return new XmlDocument(document);
    }

    String text(String expression) throws XPathExpressionException {
        return (String) xpath.evaluate(expression, root, XPathConstants.STRING);
    }

    int count(String expression) throws XPathExpressionException {
        return ((Double) xpath.evaluate("count(" + expression + ")", root, XPathConstants.NUMBER)).intValue();
    }

    /** The matching nodes, each queryable relative to itself. */
    List<XmlDocument> nodes(String expression) throws XPathExpressionException {
        NodeList list = (NodeList) xpath.evaluate(expression, root, XPathConstants.NODESET);
        List<XmlDocument> nodes = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            nodes.add(new XmlDocument(list.item(i)));
        }
        return nodes;
    }
}
